"""People: list, read, add, change, remove, and save from a LinkedIn profile."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from warmline.api import pages
from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.profiles import save_profile
from warmline.api.schemas import (
    Id,
    PeoplePage,
    PersonIn,
    PersonOut,
    PersonPatch,
    ProfileIn,
    Text,
)
from warmline.people import queries, services
from warmline.people.access import get_person_for_user
from warmline.people.models import Person, Source

router = Router(tags=["people"])


class PeopleQuery(Schema):
    search: Text = Field("", description="Name, organization, title, email or phone.")
    tag: Text = ""
    degree: str = Field("", pattern="^(|1|2|3|4|none)$", description="4: 4 or more.")
    organization: Id | None = Field(None, description="An organization's id.")
    cursor: Text | None = None
    limit: int = Field(50, ge=1, le=100)


def _person(user: Any, person_id: int) -> PersonOut:
    return queries.person_as_dict(get_person_for_user(user, person_id))


@router.get("/people", response=answers(PeoplePage))
def list_people(request: HttpRequest, filters: Query[PeopleQuery]) -> dict[str, Any]:
    """People in your network in the order they were added, a page at a time
    (`next_cursor`)."""
    user = owner(request)
    found = queries.search_people(
        user,
        queries.PeopleFilter(q=filters.search, tag=filters.tag, degree=filters.degree),
    )
    if filters.organization is not None:
        found = found.filter(organization_id=filters.organization)
    ids, next_cursor = pages.page_of(found, filters.cursor, filters.limit)
    rows = {
        r["id"]: r for r in queries.people_as_dicts(Person.objects.filter(pk__in=ids))
    }
    return {"items": [rows[pk] for pk in ids], "next_cursor": next_cursor}


# Before /people/{person_id}, which would take its path otherwise.
@router.post(
    "/people/from-profile",
    response=answers(PersonOut),
    url_name="people_from_profile",
)
def from_profile(request: HttpRequest, data: ProfileIn) -> PersonOut:
    """Save the LinkedIn profile open in the browser: the person with that profile
    URL is updated, or added when there is none (sending it twice changes nothing)."""
    return queries.person_as_dict(save_profile(owner(request), data))


@router.get("/people/{person_id}", response=answers(PersonOut))
def get_person(request: HttpRequest, person_id: Id) -> PersonOut:
    return _person(owner(request), person_id)


@router.post("/people", response=answers(PersonOut, 201))
def add_person(request: HttpRequest, data: PersonIn) -> Status[PersonOut]:
    """Add someone. A name or email already in your network is a 409 naming who it
    may be, unless `new` is true."""
    user = owner(request)
    fields = data.dict(exclude={"new", "introduced_by", "name"})
    introducer = None
    if data.introduced_by is not None:
        introducer = get_person_for_user(user, data.introduced_by)
    person = services.add_person_by_hand(
        user,
        data.name,
        new=data.new,
        introduced_by=introducer,
        source=Source.MANUAL,
        **fields,
    )
    return Status(201, queries.person_as_dict(person))


@router.patch("/people/{person_id}", response=answers(PersonOut))
def change_person(request: HttpRequest, person_id: Id, data: PersonPatch) -> PersonOut:
    """Change what is given; lists (emails, phones, tags) replace what was there."""
    user = owner(request)
    person = get_person_for_user(user, person_id)
    fields = data.dict(exclude_unset=True)
    introducers = None
    if "introduced_by" in fields:
        pk = fields.pop("introduced_by")
        introducers = [] if pk is None else [get_person_for_user(user, pk)]
    if nulls := [name for name, value in fields.items() if value is None]:
        raise ValidationError({nulls[0]: "Give a value, or leave the field out."})
    with transaction.atomic():
        services.update_person(person, **fields)
        if introducers is not None:
            services.set_introducers(person, introducers)
    return _person(user, person_id)


@router.delete("/people/{person_id}", response=answers(None, 204))
def remove_person(request: HttpRequest, person_id: Id) -> Status[None]:
    """Remove a person and their introductions; the people they introduced stay."""
    services.delete_person(get_person_for_user(owner(request), person_id))
    return Status(204, None)
