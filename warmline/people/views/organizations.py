"""Pages for organizations: list, detail with its people, add, edit, delete."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from warmline.accounts.http import AuthedRequest
from warmline.people import queries, services
from warmline.people.access import get_organization_for_user
from warmline.people.forms import OrganizationForm
from warmline.people.models import Organization


def organization_list(request: AuthedRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    page = Paginator(queries.organizations_for(request.user, q), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "people/organization_list.html", {"page": page, "q": q})


def organization_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, pk)
    people = (
        queries.people_for(request.user)
        .filter(organization=organization)
        .prefetch_related("tags")
    )
    return render(
        request,
        "people/organization_detail.html",
        {"organization": organization, "people": people},
    )


def _save(request: AuthedRequest, form: OrganizationForm) -> Organization | None:
    try:
        return services.save_organization(form.instance, owner=request.user)
    except ValidationError as error:
        form.add_error("name", error)
        return None


@require_http_methods(["GET", "POST"])
def organization_add(request: AuthedRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (org := _save(request, form)):
        messages.success(request, f"Added {org.name}.")
        return redirect(org)
    return render(request, "people/organization_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def organization_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, pk)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid() and (org := _save(request, form)):
        messages.success(request, f"Saved {org.name}.")
        return redirect(org)
    return render(
        request,
        "people/organization_form.html",
        {"form": form, "organization": organization},
    )


@require_http_methods(["GET", "POST"])
def organization_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, pk)
    if request.method == "POST":
        services.delete_organization(organization)
        messages.success(request, f"Deleted {organization.name}; its people stay.")
        return redirect("people:organization_list")
    return render(
        request,
        "people/organization_confirm_delete.html",
        {"organization": organization},
    )
