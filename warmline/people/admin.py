from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from warmline.people import derived
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
    Tag,
)


class EmailInline(admin.TabularInline):
    model = EmailAddress
    extra = 0


class PhoneInline(admin.TabularInline):
    model = PhoneNumber
    extra = 0


class RefreshesNetwork(admin.ModelAdmin):
    """Admin edits go around the services: recompute what they would have kept
    (degrees, chains, join and first-help dates) for the owner's whole network."""

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        derived.network_changed(obj.owner_id)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        owner_id = obj.owner_id
        super().delete_model(request, obj)
        derived.network_changed(owner_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        owners = set(queryset.values_list("owner_id", flat=True))
        super().delete_queryset(request, queryset)
        for owner_id in owners:
            derived.network_changed(owner_id)


@admin.register(Person)
class PersonAdmin(RefreshesNetwork):
    list_display = [
        "name",
        "organization",
        "title",
        "degree",
        "is_main_contact",
        "owner",
    ]
    list_filter = ["is_main_contact", "degree", "source", "is_demo"]
    search_fields = ["name", "title", "organization__name"]
    list_select_related = ["organization", "owner"]
    raw_id_fields = ["organization", "owner"]
    readonly_fields = ["degree", "chain", "joined_on", "first_helped_on"]
    filter_horizontal = ["tags"]
    inlines = [EmailInline, PhoneInline]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "industry", "is_target", "owner"]
    search_fields = ["name"]


@admin.register(Introduction)
class IntroductionAdmin(RefreshesNetwork):
    list_display = ["introducer", "person", "introduced_on", "owner"]
    raw_id_fields = ["introducer", "person"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
