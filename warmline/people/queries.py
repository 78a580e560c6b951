"""Reads of the network: search, chains, and people as plain data for CLI and API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower
from typing_extensions import TypedDict  # pydantic (the API) reads it on 3.11

from warmline.accounts.models import User
from warmline.people.fans import with_fan_status
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
)
from warmline.people.phones import format_phone
from warmline.people.search import digits, fold

SORTS: dict[str, tuple[str, list[Any]]] = {
    "name": ("Name", [Lower("name"), "id"]),
    "degree": ("Degree", [F("degree").asc(nulls_last=True), Lower("name"), "id"]),
    "organization": ("Organization", [Lower("organization__name"), Lower("name")]),
    "recent": ("Recently added", ["-created_at", "-id"]),
    "referrals": ("Referrals given", ["-referrals_given", Lower("name"), "id"]),
}
DEGREE_FILTERS = {
    "1": "1 · main contacts",
    "2": "2",
    "3": "3",
    "4": "4 or more",
    "none": "Not connected yet",
}


class PersonDict(TypedDict):
    """A person as plain data: the one shape of the CLI's --json, the API and the
    CSV export's columns (mypy checks `_as_dict` builds exactly these keys)."""

    id: int
    name: str
    given_name: str
    family_name: str
    organization: str | None
    title: str
    emails: list[str]
    phones: list[str]
    location: str
    linkedin_url: str
    tags: list[str]
    is_main_contact: bool
    is_fan: bool
    referrals_given: int
    introduced_by: str | None
    introduced_by_all: list[str]
    degree: int | None
    chain: list[str]
    notes: str
    source: str


@dataclass(frozen=True)
class PeopleFilter:
    """What the people list is asked for; every field is optional."""

    q: str = ""
    tag: str = ""
    degree: str = ""
    main: bool = False
    fan: bool = False
    sort: str = "name"


def people_for(owner: User) -> QuerySet[Person]:
    return Person.objects.filter(owner=owner).select_related("organization")


# A query with at least this many digits also looks through phone numbers.
PHONE_DIGITS = 3


def matching(q: str) -> Q:
    """People whose name, organization, title, email or phone has `q` in it, without
    case or accents (people/search.py)."""
    folded = fold(q)
    found: Q = (
        Q(folded_name__contains=folded)
        | Q(organization__folded_name__contains=folded)
        | Q(folded_title__contains=folded)
        | Q(
            Exists(
                EmailAddress.objects.filter(
                    person=OuterRef("pk"), address__icontains=q.strip()
                )
            )
        )
    )
    if len(number := digits(q)) >= PHONE_DIGITS:
        found |= Q(
            Exists(
                PhoneNumber.objects.filter(
                    person=OuterRef("pk"), number__contains=number
                )
            )
        )
    return found


def best_first(people: QuerySet[Person], q: str) -> QuerySet[Person]:
    """Search results as a picker shows them: names that start with `q`, then names
    with it anywhere, then matches by organization, title, email or phone."""
    folded = fold(q)
    rank = Case(
        When(folded_name__startswith=folded, then=Value(0)),
        When(folded_name__contains=f" {folded}", then=Value(1)),
        When(folded_name__contains=folded, then=Value(2)),
        default=Value(3),
    )
    return people.alias(rank=rank).order_by("rank", Lower("name"), "id")


def search_people(owner: User, f: PeopleFilter) -> QuerySet[Person]:
    people = with_fan_status(people_for(owner).prefetch_related("tags", "emails"))
    if f.q.strip():
        people = people.filter(matching(f.q))
    if f.tag:
        people = people.filter(tags__name__iexact=f.tag)
    if f.degree == "none":
        people = people.filter(degree__isnull=True)
    elif f.degree == "4":
        people = people.filter(degree__gte=4)
    elif f.degree in DEGREE_FILTERS:
        people = people.filter(degree=int(f.degree))
    if f.main:
        people = people.filter(is_main_contact=True)
    if f.fan:
        people = people.filter(is_fan=True)  # type: ignore[misc]  # annotated
    return people.order_by(*SORTS.get(f.sort, SORTS["name"])[1])


def names_by_id(owner_id: int, ids: Iterable[int | None]) -> dict[int, str]:
    """Names for a set of person ids in one query (for chains and "via" columns)."""
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    return dict(
        Person.objects.filter(owner_id=owner_id, pk__in=wanted).values_list(
            "id", "name"
        )
    )


def chain_people(person: Person) -> list[Person]:
    """The people on this person's shortest chain, from the main contact to them."""
    if not person.chain:
        return []
    found = Person.objects.filter(
        owner_id=person.owner_id, pk__in=person.chain
    ).in_bulk()
    return [found[pk] for pk in person.chain if pk in found]


def introducer_on_chain(person: Person, chain: list[Person]) -> Person | None:
    """Who introduced `person` on their shortest chain (from chain_people), if anyone
    (Person.introducer_id says which)."""
    return next((p for p in chain if p.pk == person.introducer_id), None)


def introductions_received(person: Person) -> QuerySet[Introduction]:
    return person.introductions_received.select_related("introducer").order_by(
        "introduced_on", "id"
    )


def introductions_made(person: Person) -> QuerySet[Introduction]:
    return person.introductions_made.select_related(
        "person", "person__organization"
    ).order_by("introduced_on", "id")


def organizations_for(owner: User, q: str = "") -> QuerySet[Organization]:
    organizations = Organization.objects.filter(owner=owner).annotate(
        people_count=Count("people")
    )
    if q.strip():
        organizations = organizations.filter(
            Q(folded_name__contains=fold(q)) | Q(industry__icontains=q.strip())
        )
    return organizations.order_by(Lower("name"))


def people_as_dicts(people: QuerySet[Person]) -> list[PersonDict]:
    """People as plain data, the shape the CLI's --json and the API print.

    A fixed number of queries however many people: related rows are prefetched and
    the names on every chain are fetched together.
    """
    rows = list(
        with_fan_status(people)
        .select_related("organization")
        .prefetch_related(
            "emails",
            "phones",
            "tags",
            Prefetch(
                "introductions_received",
                queryset=Introduction.objects.select_related("introducer").order_by(
                    "introduced_on", "id"
                ),
                to_attr="introductions_in_order",
            ),
        )
    )
    if not rows:
        return []
    names = names_by_id(rows[0].owner_id, (pk for p in rows for pk in p.chain))
    return [_as_dict(person, names) for person in rows]


def person_as_dict(person: Person) -> PersonDict:
    return people_as_dicts(Person.objects.filter(pk=person.pk))[0]


def _as_dict(person: Person, names: dict[int, str]) -> PersonDict:
    # On the shortest chain, else (not connected yet) the earliest introducer.
    received = person.introductions_in_order  # type: ignore[attr-defined]
    if person.introducer_id is not None:
        introduced_by = names.get(person.introducer_id)
    else:
        introduced_by = received[0].introducer.name if received else None
    given, family = person.name_parts
    return {
        "id": person.pk,
        "name": person.name,
        "given_name": given,
        "family_name": family,
        "organization": person.organization.name if person.organization else None,
        "title": person.title,
        "emails": [e.address for e in person.emails.all()],
        "phones": [p.number for p in person.phones.all()],
        "location": person.location,
        "linkedin_url": person.linkedin_url,
        "tags": [t.name for t in person.tags.all()],
        "is_main_contact": person.is_main_contact,
        "is_fan": person.is_fan,  # type: ignore[attr-defined]
        "referrals_given": person.referrals_given,  # type: ignore[attr-defined]
        "introduced_by": introduced_by,
        "introduced_by_all": [i.introducer.name for i in received],
        "degree": person.degree,
        "chain": [names[pk] for pk in person.chain if pk in names],
        "notes": person.notes,
        "source": person.source,
    }


def display_phones(person: Person) -> list[tuple[str, str]]:
    return [(format_phone(p.number), p.label) for p in person.phones.all()]
