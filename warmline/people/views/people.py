"""Pages for people: the list, a person's page, add, edit, delete."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts import sharing
from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.people import queries, services
from warmline.people.access import get_person_for_user
from warmline.people.forms import PersonForm
from warmline.people.models import Organization, Person
from warmline.people.widgets import PICK_LIMIT


def person_list(request: AuthedRequest) -> HttpResponse:
    filters = queries.PeopleFilter(
        q=request.GET.get("q", ""),
        tag=request.GET.get("tag", ""),
        degree=request.GET.get("degree", ""),
        main=request.GET.get("main") == "1",
        fan=request.GET.get("fan") == "1",
        sort=request.GET.get("sort", "name"),
    )
    page = Paginator(
        queries.search_people(request.user, filters), settings.PEOPLE_PER_PAGE
    ).get_page(request.GET.get("page"))
    via = queries.names_by_id(request.user.pk, [p.introducer_id for p in page])
    for person in page:
        person.via_name = via.get(person.introducer_id or 0)  # type: ignore[attr-defined]
    context = {
        "page": page,
        "filters": filters,
        "tags": services.tag_names(request.user),
        "degrees": queries.DEGREE_FILTERS,
        "sorts": {key: label for key, (label, _) in queries.SORTS.items()},
    }
    if request.htmx:
        return render(request, "people/_results.html", context)
    return render(request, "people/person_list.html", context)


@require_http_methods(["GET", "POST"])
def person_add(request: AuthedRequest) -> HttpResponse:
    initial = {}
    if introducer_id := request.GET.get("introduced_by"):
        initial["introduced_by"] = introducer_id
    form = PersonForm(request.POST or None, owner=request.user, initial=initial)
    candidates: list[Person] = []
    if request.method == "POST" and form.is_valid():
        try:
            person = services.add_person_by_hand(
                request.user,
                new=request.POST.get("new") == "1",
                introduced_by=form.cleaned_data["introduced_by"],
                **form.person_fields(),
            )
        except services.LikelyDuplicate as duplicate:
            candidates = duplicate.candidates  # asked below the name: same person?
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{person.name} is in your network.")
            return redirect(person)
    return render(
        request,
        "people/person_form.html",
        {
            "form": form,
            "organizations": _org_names(request),
            "candidates": candidates,
        },
    )


@require_http_methods(["GET", "POST"])
def person_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    form = PersonForm(
        request.POST or None,
        owner=request.user,
        person=person,
        initial=PersonForm.initial_for(person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(person, **form.person_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Saved {person.name}.")
            return redirect(person)
    return render(
        request,
        "people/person_form.html",
        {"form": form, "person": person, "organizations": _org_names(request)},
    )


@require_http_methods(["GET", "POST"])
def person_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    if request.method == "POST":
        services.delete_person(person)
        messages.success(request, f"Deleted {person.name}.")
        return redirect("people:list")
    introduced: list[Person] = [i.person for i in queries.introductions_made(person)]
    return render(
        request,
        "people/person_confirm_delete.html",
        {"person": person, "introduced": introduced},
    )


def person_pick_hx(request: AuthedRequest) -> HttpResponse:
    """Matches for a PersonPicker: at most PICK_LIMIT of the owner's people."""
    q = request.GET.get("pick_q", "").strip()
    matches: list[Person] = []
    if q:
        people = queries.best_first(
            queries.search_people(request.user, queries.PeopleFilter(q=q)), q
        )
        if (exclude := whole_number(request.GET.get("exclude"))) is not None:
            people = people.exclude(pk=exclude)
        matches = list(people[: PICK_LIMIT + 1])
    return render(
        request,
        "people/_person_options.html",
        {
            "field": request.GET.get("field", "introducer"),
            "matches": matches[:PICK_LIMIT],
            "more": len(matches) > PICK_LIMIT,
            "searched": q,
        },
    )


@require_POST
def person_fan(request: AuthedRequest, pk: int) -> HttpResponse:
    """Mark or unmark someone as a fan (what was logged decides when they agree)."""
    person = get_person_for_user(request.user, pk)
    services.set_fan(person, request.POST.get("fan") == "1")
    return redirect(person)


@require_POST
def person_private(request: AuthedRequest, pk: int) -> HttpResponse:
    """Hide someone from those the seeker shares with, or show them again."""
    person = get_person_for_user(request.user, pk)
    sharing.set_private(person, request.POST.get("private") == "1")
    return redirect(person)


def _org_names(request: AuthedRequest) -> list[str]:
    return list(
        Organization.objects.filter(owner=request.user).values_list("name", flat=True)
    )
