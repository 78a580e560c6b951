"""State changes to people, organizations, tags and introductions.

Views, the command line and the API all call these; each runs in one transaction and
leaves what is derived (degrees, chains, join and first-help dates) right through
people.derived.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core.fields import max_length
from warmline.core.ranges import check_date
from warmline.people import derived
from warmline.people.contact_details import clean_emails, clean_phones
from warmline.people.degrees import linked
from warmline.people.fans import fan_status
from warmline.people.likeness import same_person_candidates
from warmline.people.models import (
    DERIVED_FIELDS,
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
    Source,
    Tag,
)

# Plain fields a caller may set on a person; related ones are handled apart.
PERSON_FIELDS = {
    "name",
    "given_name",
    "family_name",
    "title",
    "location",
    "linkedin_url",
    "notes",
    "how_we_met",
    "is_main_contact",
    "source",
    "connected_on",
}


def get_or_create_organization(
    owner: User, name: str, *, is_demo: bool = False
) -> Organization | None:
    """The owner's organization by that name (ignoring case and legal suffixes)."""
    name = name.strip()
    if not name:
        return None
    most = max_length(Organization, "name")
    if len(name) > most:
        raise ValidationError(
            f"An organization's name has at most {most} characters; "
            f"this one has {len(name)}."
        )
    key = Organization.key_for(name)
    organization = Organization.objects.filter(owner=owner, name_key=key).first()
    if organization is None:
        organization = Organization.objects.create(
            owner=owner, name=name, is_demo=is_demo
        )
    return organization


def tag_named(owner_id: int, name: str, *, is_demo: bool = False) -> Tag:
    """The owner's tag of that name (compared as the unique constraint compares,
    with the database's LOWER), created if new; the name is cut as Tag stores it."""
    name = Tag.clean_name(name)
    found = (
        Tag.objects.filter(owner_id=owner_id)
        .alias(key=Lower("name"))
        .filter(key=Lower(Value(name)))
        .first()
    )
    return found or Tag.objects.create(owner_id=owner_id, name=name, is_demo=is_demo)


def set_tags(person: Person, names: list[str], *, is_demo: bool = False) -> None:
    first_spellings: dict[str, str] = {}
    for name in map(Tag.clean_name, names):
        first_spellings.setdefault(name.casefold(), name)
    first_spellings.pop("", None)
    person.tags.set(
        [
            tag_named(person.owner_id, name, is_demo=is_demo)
            for name in first_spellings.values()
        ]
    )


def _set_emails(person: Person, addresses: list[str]) -> None:
    existing = {e.address.casefold(): e for e in person.emails.all()}
    wanted = {a.casefold() for a in addresses}
    EmailAddress.objects.filter(
        pk__in=[e.pk for key, e in existing.items() if key not in wanted]
    ).delete()
    EmailAddress.objects.bulk_create(
        EmailAddress(person=person, address=a)
        for a in addresses
        if a.casefold() not in existing
    )


def _set_phones(person: Person, numbers: list[str]) -> None:
    existing = {p.number: p for p in person.phones.all()}
    PhoneNumber.objects.filter(
        pk__in=[p.pk for number, p in existing.items() if number not in numbers]
    ).delete()
    PhoneNumber.objects.bulk_create(
        PhoneNumber(person=person, number=n) for n in numbers if n not in existing
    )


def _apply(person: Person, fields: dict[str, Any]) -> None:
    """Save plain fields, then organization, tags, emails and phones when given."""
    unknown = set(fields) - PERSON_FIELDS - {"organization", "tags", "emails", "phones"}
    if unknown:
        raise TypeError(f"Unknown person fields: {', '.join(sorted(unknown))}")
    for name in PERSON_FIELDS & set(fields):
        setattr(person, name, fields[name])
    if not person.name.strip():
        raise ValidationError("A person needs a name.")
    person.name = person.name.strip()
    if "organization" in fields:
        person.organization = get_or_create_organization(
            person.owner, fields["organization"] or "", is_demo=person.is_demo
        )
    emails = clean_emails(fields["emails"]) if "emails" in fields else None
    phones = clean_phones(fields["phones"]) if "phones" in fields else None
    person.full_clean(exclude=["owner", "organization", "chain"])
    person.save()
    if emails is not None:
        _set_emails(person, emails)
    if phones is not None:
        _set_phones(person, phones)
    if "tags" in fields:
        set_tags(person, fields["tags"], is_demo=person.is_demo)


@transaction.atomic
def create_person(
    owner: User,
    name: str,
    *,
    introduced_by: Person | None = None,
    introduced_on: dt.date | None = None,
    meeting_id: int | None = None,
    is_demo: bool = False,
    **fields: Any,
) -> Person:
    """Add a person to the network, optionally introduced by someone already in it."""
    fields.setdefault("source", Source.DEMO if is_demo else Source.MANUAL)
    person = Person(owner=owner, is_demo=is_demo)
    _apply(person, {"name": name, **fields})
    if introduced_by is not None:
        _introduce(introduced_by, person, introduced_on, meeting_id=meeting_id)
    derived.changed(
        owner.pk,
        moved=[person.pk],
        touched=[introduced_by.pk if introduced_by else None],
    )
    person.refresh_from_db(fields=list(DERIVED_FIELDS))
    return person


class LikelyDuplicate(ValidationError):
    """A name typed by hand that may be someone already in the network."""

    def __init__(self, name: str, candidates: list[Person]) -> None:
        listed = "; ".join(_described(p) for p in candidates)
        super().__init__(
            f"{name} may already be in your network: {listed}.",
            code="likely_duplicate",
        )
        self.candidates = candidates


def _described(person: Person) -> str:
    where = f", {person.organization.name}" if person.organization else ""
    return f"{person.name} (#{person.pk}{where})"


def add_person_by_hand(
    owner: User, name: str, *, new: bool = False, **fields: Any
) -> Person:
    """Add someone typed in (the web's form, `warmline people add`): unless `new`
    says it is someone else, a name or email already in the network is refused with
    the people it may be (LikelyDuplicate), so nobody is added twice unawares."""
    if not new:
        emails = fields.get("emails") or [""]
        candidates = same_person_candidates(owner.pk, name, email=emails[0])
        if candidates:
            raise LikelyDuplicate(name.strip(), candidates)
    return create_person(owner, name, **fields)


@transaction.atomic
def update_person(person: Person, **fields: Any) -> Person:
    _apply(person, fields)
    # Only a main-contact mark given anew can move degrees; dates follow any edit.
    derived.changed(
        person.owner_id,
        moved=[person.pk] if "is_main_contact" in fields else [],
        touched=[person.pk],
    )
    person.refresh_from_db(fields=list(DERIVED_FIELDS))
    return person


@transaction.atomic
def delete_person(person: Person) -> None:
    """Delete a person; the people they introduced keep their other chains, if any."""
    owner_id = person.owner_id
    # Those who introduced them, or were introduced by them, lose an introduction.
    pairs = list(
        Introduction.objects.filter(
            Q(person=person) | Q(introducer=person)
        ).values_list("introducer_id", "person_id")
    )
    introduced = [b for a, b in pairs if a == person.pk]
    person.delete()
    derived.changed(
        owner_id, moved=introduced, touched=[pk for pair in pairs for pk in pair]
    )


def _introduce(
    introducer: Person,
    person: Person,
    introduced_on: dt.date | None = None,
    note: str = "",
    *,
    meeting_id: int | None = None,
) -> Introduction:
    if introducer.owner_id != person.owner_id:
        raise ValidationError("Both people must be in the same network.")
    if introducer.pk == person.pk:
        raise ValidationError(f"{person} cannot introduce themselves.")
    check_date(introduced_on)
    if Introduction.objects.filter(introducer=introducer, person=person).exists():
        raise ValidationError(
            f"{introducer} already introduced {person}.", code="already_introduced"
        )
    above = linked(person.owner_id, [introducer.pk], upward=True) or set()
    if person.pk in above:
        raise ValidationError(
            f"{introducer} cannot have introduced {person}: {person} is already "
            f"on the chain that led to {introducer}, and introductions cannot go "
            "round in a circle.",
            code="circle",
        )
    return Introduction.objects.create(
        owner_id=person.owner_id,
        introducer=introducer,
        person=person,
        introduced_on=introduced_on or timezone.localdate(),
        note=note,
        meeting_id=meeting_id,
    )


@transaction.atomic
def add_introduction(
    introducer: Person,
    person: Person,
    *,
    introduced_on: dt.date | None = None,
    note: str = "",
    meeting_id: int | None = None,
) -> Introduction:
    """Record that `introducer` introduced `person`; a circle is refused."""
    introduction = _introduce(
        introducer, person, introduced_on, note, meeting_id=meeting_id
    )
    derived.changed(person.owner_id, moved=[person.pk], touched=[introducer.pk])
    return introduction


@transaction.atomic
def remove_introduction(introduction: Introduction) -> None:
    owner_id = introduction.owner_id
    introduction.delete()
    derived.changed(
        owner_id,
        moved=[introduction.person_id],
        touched=[introduction.introducer_id],
    )


@transaction.atomic
def set_introducers(person: Person, introducers: list[Person]) -> None:
    """Make `introducers` the only people who introduced `person` (may be none)."""
    keep = {p.pk for p in introducers}
    received = person.introductions_received
    dropped = list(
        received.exclude(introducer_id__in=keep).values_list("introducer_id", flat=True)
    )
    received.exclude(introducer_id__in=keep).delete()
    already = set(received.values_list("introducer_id", flat=True))
    for introducer in introducers:
        if introducer.pk not in already:
            _introduce(introducer, person)
    derived.changed(person.owner_id, moved=[person.pk], touched=[*dropped, *keep])


@transaction.atomic
def save_organization(
    organization: Organization, *, owner: User | None = None
) -> Organization:
    """Save an organization (a new one for `owner`), refusing a second one with the
    same name."""
    if owner is not None:
        organization.owner = owner
    key = Organization.key_for(organization.name)
    clash = Organization.objects.filter(owner_id=organization.owner_id, name_key=key)
    if clash.exclude(pk=organization.pk).exists():
        raise ValidationError(
            f"You already have an organization named {organization.name!r}."
        )
    organization.full_clean(exclude=["owner", "name_key"])
    organization.save()
    return organization


def delete_organization(organization: Organization) -> None:
    """Delete an organization; its people stay, with no organization."""
    organization.delete()


@transaction.atomic
def mark_target(
    owner: User,
    name: str,
    *,
    motivation: int | None = None,
    postings: int | None = None,
) -> Organization:
    """Make an organization (found by name, or added) a target. A score left out
    keeps the one already given."""
    organization = get_or_create_organization(owner, name)
    if organization is None:
        raise ValidationError("Name the organization.")
    organization.is_target = True
    if motivation is not None:
        organization.motivation = motivation
    if postings is not None:
        organization.postings = postings
    try:
        organization.full_clean(exclude=["owner", "name_key"])
    except ValidationError as error:
        raise ValidationError(
            [
                f"{field.capitalize()}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
        ) from None
    organization.save()
    return organization


def unmark_target(organization: Organization) -> None:
    """No longer a target; its scores stay, should it become one again."""
    organization.is_target = False
    organization.save(update_fields=["is_target", "updated_at"])


def tag_names(owner: User) -> list[str]:
    return list(
        Tag.objects.filter(owner=owner)
        .order_by(Lower("name"))
        .values_list("name", flat=True)
    )


def set_fan(person: Person, is_fan: bool) -> None:
    """Mark or unmark a fan; agreeing with what was logged clears the override."""
    person.fan_override = None
    person.save(update_fields=["fan_override"])
    derived = fan_status(person).is_fan
    person.fan_override = None if derived == is_fan else is_fan
    person.save(update_fields=["fan_override"])
