"""Carrying out an import's plan: bulk writes, then the derived data, all inside
the caller's one transaction, with every value made ready beforehand so the write
lock is held as briefly as possible.

Organizations and tags are found by key inside the transaction (and created when
missing), so one the user added between plan and write is used, never doubled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.utils import timezone

from warmline.exchange.fast_insert import insert_many, insert_returning_ids, prepared
from warmline.exchange.import_plan import Plan
from warmline.people import derived
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
)
from warmline.people.search import fold
from warmline.people.services import tag_named

BATCH = 1000


def write(plan: Plan) -> None:
    """Write what the plan says, then keep derived data right."""
    organizations = _organizations(plan)
    created = _create(plan, organizations)
    _update(plan, organizations)
    _tag(plan, created)
    introduced = _introduce(plan, created)
    options = plan.options
    # New people were dated as they were inserted, and only those made main
    # contacts or introduced have a degree to find.
    moved = [*introduced, *(created if options.main else [])]
    moved += [c.pk for c in plan.changes if "is_main_contact" in c.fields]
    # The introducer has helped, and a connection date filled in may be earlier
    # than the day someone joined.
    redated = [c.pk for c in plan.changes if "connected_on" in c.fields]
    derived.changed(plan.owner_id, moved=moved, touched=[*redated, options.introducer])


def _organizations(plan: Plan) -> dict[str, int]:
    """Organization ids by key, creating those the network does not have yet."""
    if not plan.organizations:
        return {}
    wanted = plan.organizations
    owned = Organization.objects.filter(owner_id=plan.owner_id)
    have = dict(owned.filter(name_key__in=list(wanted)).values_list("name_key", "pk"))
    Organization.objects.bulk_create(
        [
            Organization(
                owner_id=plan.owner_id, name=name, name_key=key, folded_name=fold(name)
            )
            for key, name in wanted.items()
            if key not in have
        ],
        batch_size=BATCH,
    )
    return dict(owned.filter(name_key__in=list(wanted)).values_list("name_key", "pk"))


class _Dates:
    """Dates in database form, each converted once (an export repeats them)."""

    def __init__(self) -> None:
        self.field = Person._meta.get_field("connected_on")
        self.done: dict[dt.date | None, Any] = {}

    def __call__(self, date: dt.date | None) -> Any:
        if date not in self.done:
            self.done[date] = self.field.get_db_prep_save(date, connection)
        return self.done[date]


def _create(plan: Plan, organizations: dict[str, int]) -> list[int]:
    now = timezone.now()
    today = timezone.localdate(now)
    constant = {
        "owner": plan.owner_id,
        "source": plan.options.source,
        "is_main_contact": plan.options.main,
        "is_demo": False,
        "chain": prepared(Person, "chain", []),
        "how_we_met": "",
        "responsiveness": "",
        "created_at": prepared(Person, "created_at", now),
        "updated_at": prepared(Person, "updated_at", now),
    }
    fields = [
        *constant,
        "name",
        "folded_name",
        "given_name",
        "family_name",
        "organization",
        "title",
        "folded_title",
        "location",
        "linkedin_url",
        "notes",
        "connected_on",
        "joined_on",
    ]
    date, values = _Dates(), tuple(constant.values())
    ids = insert_returning_ids(
        Person,
        fields,
        (
            (
                *values,
                (name := (row := m.row).name or next(iter(m.emails), "?")),
                fold(name),
                row.given_name,
                row.family_name,
                organizations.get(m.organization),
                row.title,
                fold(row.title),
                row.location,
                row.linkedin_url,
                row.notes,
                date(row.connected_on),
                # Introduced (if at all) today: they joined when they connected.
                date(min(row.connected_on or today, today)),
            )
            for m in plan.new
        ),
    )
    insert_many(
        EmailAddress,
        ["person", "address", "label"],
        (
            (pk, a, label)
            for pk, m in zip(ids, plan.new, strict=True)
            for a, label in m.emails.items()
        ),
    )
    insert_many(
        PhoneNumber,
        ["person", "number", "label"],
        (
            (pk, n, label)
            for pk, m in zip(ids, plan.new, strict=True)
            for n, label in m.phones.items()
        ),
    )
    return ids


def _update(plan: Plan, organizations: dict[str, int]) -> None:
    """Fill in what people already there lacked; add their new emails and phones."""
    now = timezone.now()
    changed: list[Person] = []
    fields: set[str] = {"updated_at"}  # so a plan made meanwhile sees the change
    for change in plan.changes:
        values = dict(change.fields)
        if "title" in values:
            values["folded_title"] = fold(values["title"])
        if change.organization:
            values["organization_id"] = organizations[change.organization]
        changed.append(Person(pk=change.pk, updated_at=now, **values))
        fields.update("organization" if f == "organization_id" else f for f in values)
    if changed:
        Person.objects.bulk_update(changed, sorted(fields), batch_size=BATCH)
    insert_many(EmailAddress, ["person", "address", "label"], plan.emails)
    insert_many(PhoneNumber, ["person", "number", "label"], plan.phones)


def _tag(plan: Plan, created: list[int]) -> None:
    """The chosen tag on everyone the file names; a row's own tags (Google's
    labels, a CSV's tags column) on the people it adds."""
    tag = plan.options.tag
    names = [tag] if tag else []
    names += [t for m in plan.new for t in m.row.tags]
    tags: dict[str, int] = {}  # casefolded name -> tag id
    for name in names:
        if name.casefold() not in tags:
            tags[name.casefold()] = tag_named(plan.owner_id, name).pk
    links = (
        [(pk, tags[tag.casefold()]) for pk in [*created, *plan.matched]] if tag else []
    )
    links += [
        (pk, tags[t.casefold()])
        for pk, m in zip(created, plan.new, strict=True)
        for t in set(m.row.tags)
    ]
    through = Person.tags.through
    through.objects.bulk_create(
        [through(person_id=p, tag_id=t) for p, t in links],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def _introduce(plan: Plan, created: list[int]) -> list[int]:
    """Record the introducer as introducing the people added and those planned."""
    introducer = plan.options.introducer
    if introducer is None:
        return []
    targets = [*created, *plan.introduce]
    Introduction.objects.bulk_create(
        [
            Introduction(
                owner_id=plan.owner_id,
                introducer_id=introducer,
                person_id=pk,
                introduced_on=timezone.localdate(),
            )
            for pk in targets
        ],
        batch_size=BATCH,
    )
    return targets
