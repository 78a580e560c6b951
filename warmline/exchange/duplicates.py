"""Likely duplicates by name and organization (rapidfuzz), and merging two people."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field, ForeignObjectRel, Model, Q

from warmline.accounts.models import User
from warmline.exchange.models import DistinctPair
from warmline.outreach.models import CallListEntry
from warmline.people import derived
from warmline.people.degrees import reaches
from warmline.people.likeness import SAME_NAME_SCORE, name_score
from warmline.people.models import (
    DERIVED_FIELDS,
    EmailAddress,
    Introduction,
    Person,
    PhoneNumber,
)

# Person fields a merge sets by its own rule; every other editable, non-derived field
# is filled from the other person where the survivor's is empty.
MERGED_BY_RULE = {
    "owner": "the same for both",
    "name": "the survivor's",
    "is_main_contact": "either's",
    "notes": "both, one after the other",
}
# Rows pointing at a person that a merge does not simply move to the survivor (by
# model and field); every other relation to Person, found in its _meta, is moved.
SPECIAL = {
    "people.EmailAddress.person": "moved, but for addresses the survivor has",
    "people.PhoneNumber.person": "moved, but for numbers the survivor has",
    "people.Introduction.introducer": "moved, but for repeats and circles",
    "people.Introduction.person": "moved, but for repeats and circles",
    "outreach.CallListEntry.person": "moved, but for lists the survivor is on",
    "exchange.DistinctPair.first": "moved, but for the pair of these two",
    "exchange.DistinctPair.second": "moved, but for the pair of these two",
}


def relations_to_person() -> list[ForeignObjectRel]:
    """Every foreign key and many-to-many that points at a person (hidden too)."""
    return [
        f
        for f in Person._meta.get_fields(include_hidden=True)
        if isinstance(f, ForeignObjectRel)
        and not related(f)._meta.auto_created  # a many-to-many's own table
    ]


def related(rel: ForeignObjectRel) -> type[Model]:
    """The model whose rows point at a person through `rel`."""
    assert not isinstance(rel.related_model, str)
    return rel.related_model


def relation_key(rel: ForeignObjectRel) -> str:
    return f"{related(rel)._meta.label}.{rel.field.name}"


def fillable() -> list[Field]:
    """Person fields filled from the other person when the survivor's is empty."""
    return [
        f
        for f in Person._meta.concrete_fields
        if f.editable
        and not f.primary_key
        and f.name not in DERIVED_FIELDS
        and f.name not in MERGED_BY_RULE
    ]


@dataclass(frozen=True)
class Candidate:
    first: Person
    second: Person
    score: int


def likely_duplicates(owner: User, limit: int = 50) -> list[Candidate]:
    """Pairs with close names at the same organization (or with none given)."""
    rows = list(
        Person.objects.filter(owner=owner).values_list(
            "pk", "folded_name", "organization_id"
        )
    )
    blocks: dict[str, list[tuple[int, str, int | None]]] = defaultdict(list)
    for row in rows:
        words = row[1].replace(",", " ").split()
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
                score = name_score(a_name, b_name)
                if score >= SAME_NAME_SCORE:
                    found[pair] = round(score)
    best = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
    people = Person.objects.select_related("organization").in_bulk(
        [pk for pair, _ in best for pk in pair]
    )
    return [Candidate(people[a], people[b], score) for (a, b), score in best]


def _check_two(first: Person, second: Person) -> None:
    if first.owner_id != second.owner_id or first.pk == second.pk:
        raise ValidationError("Choose two different people of your network.")


def keep_apart(first: Person, second: Person) -> None:
    """Remember that two people are not the same, so they are not suggested again."""
    _check_two(first, second)
    a, b = sorted([first, second], key=lambda p: p.pk)
    DistinctPair.objects.get_or_create(owner_id=a.owner_id, first=a, second=b)


@dataclass(frozen=True)
class Merged:
    person: Person
    dropped: list[str]  # introductions left out: each would have closed a circle


@transaction.atomic
def merge(survivor: Person, other: Person) -> Merged:
    """Fold `other` into `survivor`: empty fields filled, every row pointing at
    `other` moved (SPECIAL says which are moved by a rule), then `other` deleted."""
    _check_two(survivor, other)
    for field in fillable():
        if getattr(survivor, field.attname) in field.empty_values:
            setattr(survivor, field.attname, getattr(other, field.attname))
    survivor.is_main_contact = survivor.is_main_contact or other.is_main_contact
    if other.notes and other.notes not in survivor.notes:
        survivor.notes = "\n\n".join(n for n in (survivor.notes, other.notes) if n)
    survivor.save()
    for many in Person._meta.many_to_many:
        getattr(survivor, many.name).add(*getattr(other, many.name).all())
    for rel in relations_to_person():
        if relation_key(rel) in SPECIAL:
            continue
        rows = related(rel)._default_manager.filter(**{rel.field.name: other})
        if rel.many_to_many:
            for row in rows:
                getattr(row, rel.field.name).add(survivor)
        else:
            rows.update(**{rel.field.name: survivor})
    _move_details(survivor, other)
    _move_pairs(survivor, other)
    dropped = _move_introductions(survivor, other)
    other.delete()
    derived.network_changed(survivor.owner_id)
    return Merged(survivor, dropped)


def _move_details(survivor: Person, other: Person) -> None:
    """Emails, phones and call list places the survivor does not have already."""
    have = {e.lower() for e in survivor.emails.values_list("address", flat=True)}
    for email in EmailAddress.objects.filter(person=other):
        if email.address.lower() not in have:
            have.add(email.address.lower())
            email.person = survivor
            email.save(update_fields=["person"])
    numbers = set(survivor.phones.values_list("number", flat=True))
    PhoneNumber.objects.filter(person=other).exclude(number__in=numbers).update(
        person=survivor
    )
    on_lists = set(
        CallListEntry.objects.filter(person=survivor).values_list(
            "call_list_id", flat=True
        )
    )
    CallListEntry.objects.filter(person=other, call_list_id__in=on_lists).delete()
    CallListEntry.objects.filter(person=other).update(person=survivor)


def _move_pairs(survivor: Person, other: Person) -> None:
    """ "Not the same" about `other` is now about the survivor, smaller id first."""
    for pair in DistinctPair.objects.filter(Q(first=other) | Q(second=other)):
        ends = {
            survivor.pk if pk == other.pk else pk
            for pk in (pair.first_id, pair.second_id)
        }
        first, second = min(ends), max(ends)
        repeat = DistinctPair.objects.filter(first_id=first, second_id=second)
        if len(ends) < 2 or repeat.exists():
            pair.delete()
        else:
            pair.first_id, pair.second_id = first, second
            pair.save(update_fields=["first", "second"])


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
