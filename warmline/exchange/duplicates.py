"""Likely duplicates by name and organization (rapidfuzz), and merging two people."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from rapidfuzz import fuzz

from warmline.accounts.models import User
from warmline.exchange.models import DistinctPair
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.outreach.models import Attempt, CallListEntry, FollowUp, Outreach
from warmline.people import derived
from warmline.people.degrees import reaches
from warmline.people.models import EmailAddress, Introduction, Person, PhoneNumber

SAME_NAME = 88  # token_sort_ratio at which two names are likely one person
FILLABLE = (
    "title",
    "location",
    "linkedin_url",
    "how_we_met",
    "connected_on",
    "organization_id",
    "keep_in_touch_days",
)


@dataclass(frozen=True)
class Candidate:
    first: Person
    second: Person
    score: int


def likely_duplicates(owner: User, limit: int = 50) -> list[Candidate]:
    """Pairs with close names at the same organization (or with none given)."""
    rows = list(
        Person.objects.filter(owner=owner).values_list("pk", "name", "organization_id")
    )
    blocks: dict[str, list[tuple[int, str, int | None]]] = defaultdict(list)
    for row in rows:
        words = row[1].casefold().replace(",", " ").split()
        for word in {words[0], words[-1]} if words else set():
            blocks[word].append(row)
    apart = set(
        DistinctPair.objects.filter(owner=owner).values_list("first_id", "second_id")
    )
    found: dict[tuple[int, int], int] = {}
    for block in blocks.values():
        for i, (a, a_name, a_org) in enumerate(block):
            for b, b_name, b_org in block[i + 1 :]:
                pair = (min(a, b), max(a, b))
                if pair in found or pair in apart or a == b:
                    continue
                if a_org and b_org and a_org != b_org:
                    continue
                score = fuzz.token_sort_ratio(a_name.casefold(), b_name.casefold())
                if score >= SAME_NAME:
                    found[pair] = round(score)
    best = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
    people = Person.objects.select_related("organization").in_bulk(
        [pk for pair, _ in best for pk in pair]
    )
    return [Candidate(people[a], people[b], score) for (a, b), score in best]


def keep_apart(first: Person, second: Person) -> None:
    a, b = sorted([first, second], key=lambda p: p.pk)
    DistinctPair.objects.get_or_create(owner_id=a.owner_id, first=a, second=b)


@dataclass(frozen=True)
class Merged:
    person: Person
    dropped: list[str]  # introductions left out: each would have closed a circle


@transaction.atomic
def merge(survivor: Person, other: Person) -> Merged:
    """Fold `other` into `survivor`: meetings, attempts, follow-ups, introductions."""
    if survivor.owner_id != other.owner_id or survivor.pk == other.pk:
        raise ValueError("Only two different people of one network can be merged.")
    for name in FILLABLE:
        if not getattr(survivor, name) and getattr(other, name):
            setattr(survivor, name, getattr(other, name))
    survivor.is_main_contact = survivor.is_main_contact or other.is_main_contact
    if other.notes and other.notes not in survivor.notes:
        survivor.notes = "\n\n".join(n for n in (survivor.notes, other.notes) if n)
    survivor.save()
    have = {e.lower() for e in survivor.emails.values_list("address", flat=True)}
    EmailAddress.objects.filter(person=other).exclude(address__in=list(have)).update(
        person=survivor
    )
    numbers = set(survivor.phones.values_list("number", flat=True))
    PhoneNumber.objects.filter(person=other).exclude(number__in=numbers).update(
        person=survivor
    )
    survivor.tags.add(*other.tags.all())
    for model in (Meeting, Attempt, FollowUp, Outreach, JobLead):
        model.objects.filter(person=other).update(person=survivor)
    for path in CareerPath.objects.filter(people=other):
        path.people.add(survivor)
    on_lists = set(
        CallListEntry.objects.filter(person=survivor).values_list(
            "call_list_id", flat=True
        )
    )
    CallListEntry.objects.filter(person=other, call_list_id__in=on_lists).delete()
    CallListEntry.objects.filter(person=other).update(person=survivor)
    dropped = _move_introductions(survivor, other)
    other.delete()
    derived.network_changed(survivor.owner_id)
    return Merged(survivor, dropped)


def _move_introductions(survivor: Person, other: Person) -> list[str]:
    """Give `other`'s introductions, both ways, to the survivor; say which were
    dropped because they would close a circle."""
    edges = set(
        Introduction.objects.filter(owner_id=survivor.owner_id)
        .exclude(Q(introducer=other) | Q(person=other))
        .values_list("introducer_id", "person_id")
    )
    moving = Introduction.objects.filter(Q(introducer=other) | Q(person=other))
    dropped = []
    for intro in moving.select_related("introducer", "person"):
        ends = [
            survivor if p.pk == other.pk else p
            for p in (intro.introducer, intro.person)
        ]
        introducer, person = ends
        if introducer.pk == person.pk or (introducer.pk, person.pk) in edges:
            intro.delete()  # themselves, or an introduction the survivor already has
        elif reaches(list(edges), person.pk, introducer.pk):
            intro.delete()
            dropped.append(
                f"{introducer.name} introduced {person.name}: dropped, as "
                f"{person.name} is already on the chain that led to {introducer.name}."
            )
        else:
            intro.introducer, intro.person = introducer, person
            intro.save(update_fields=["introducer", "person"])
            edges.add((introducer.pk, person.pk))
    return dropped
