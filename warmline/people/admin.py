from django.contrib import admin

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


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
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
    readonly_fields = ["degree", "chain"]
    filter_horizontal = ["tags"]
    inlines = [EmailInline, PhoneInline]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "industry", "is_target", "owner"]
    search_fields = ["name"]


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = ["introducer", "person", "introduced_on", "owner"]
    raw_id_fields = ["introducer", "person"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
