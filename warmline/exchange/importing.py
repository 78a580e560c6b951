"""Bringing imported rows into a network: no duplicates, nothing the user typed lost.

A row is the same person as one already there when it shares an email, a LinkedIn
URL or a normalised phone number; a row with none of these is when it has the same
name and organization (ignoring case and spacing). Then only their blank fields
are filled and new emails and phones added, so a re-import changes nothing and the
user's own edits stay. Everything happens in one transaction, with bulk writes and
one degree recompute, so a large file is fast and a failure writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone

from warmline.accounts.models import User
from warmline.exchange import cleaning
from warmline.exchange.cleaning import organization as organization_key
from warmline.exchange.cleaning import phone_key
from warmline.exchange.fast_insert import insert_many, insert_returning_ids, prepared
from warmline.exchange.rows import ImportRow
from warmline.people import derived
from warmline.people.degrees import linked
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
    Tag,
)
from warmline.people.search import fold

FILLABLE = ("title", "location", "linkedin_url", "notes", "connected_on")
PREVIEW_ROWS = 10
BATCH = 1000


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0  # rows that were the same person as an earlier row in the file
    preview: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # line, name, what

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.repeated


def linkedin_key(url: str) -> str:
    """One spelling per profile: linkedin.com/in/Dana/ is linkedin.com/in/dana."""
    url = url.strip().lower().split("?")[0].rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def name_key(name: str, organization: str) -> str:
    """Who a row with no email, URL or phone is: its name and organization."""
    return f"{' '.join(name.casefold().split())}|{organization_key(organization)}"


@dataclass
class _Plan:
    """A person to create (pk None) or update, with what the file adds to them."""

    row: ImportRow
    pk: int | None = None
    emails: dict[str, str] = field(default_factory=dict)  # lower address -> (label)
    phones: dict[str, str] = field(default_factory=dict)
    organization: str = ""


def import_rows(
    owner: User,
    rows: list[ImportRow],
    *,
    source: str,
    main: bool = False,
    tag: str = "",
    introduced_by: Person | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import rows for `owner`; dry_run reports what would happen and writes nothing."""
    with transaction.atomic():
        result = _Importer(owner, source, main, tag, introduced_by, progress).run(rows)
        if dry_run:
            transaction.set_rollback(True)
    return result


class _Importer:
    def __init__(
        self,
        owner: User,
        source: str,
        main: bool,
        tag: str,
        introduced_by: Person | None,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.owner, self.source, self.main = owner, source, main
        self.tag = cleaning.tag(tag)
        self.introducer, self.progress = introduced_by, progress
        self.result = ImportResult()
        self.label_tags: dict[int, list[str]] = {}  # person id -> tags from the file

    def run(self, rows: list[ImportRow]) -> ImportResult:
        owner = self.owner
        by_email = dict(
            EmailAddress.objects.filter(person__owner=owner).values_list(
                Lower("address"), "person_id"
            )
        )
        by_phone = dict(
            PhoneNumber.objects.filter(person__owner=owner).values_list(
                "number", "person_id"
            )
        )
        by_url = {
            linkedin_key(url): pk
            for pk, url in Person.objects.filter(owner=owner)
            .exclude(linkedin_url="")
            .values_list("pk", "linkedin_url")
        }
        by_name: dict[str, int] = {}  # read only when a row has nothing else
        existing: dict[int, _Plan] = {}
        new: list[_Plan] = []
        seen: dict[str, _Plan] = {}  # keys met earlier in this file
        for count, row in enumerate(rows, 1):
            strong = (
                [f"e:{a.lower()}" for a, _ in row.emails]
                + ([f"u:{linkedin_key(row.linkedin_url)}"] if row.linkedin_url else [])
                + [f"p:{phone_key(p)}" for p, _ in row.phones]
            )
            named = f"n:{name_key(row.name, row.organization)}"
            keys = strong or [named]
            if not strong and not by_name:
                by_name = self._people_by_name()
            plan = next((seen[k] for k in keys if k in seen), None)
            if plan is not None:
                self.result.repeated += 1
                self._note(row, "repeated in the file")
            else:
                known = {"e": by_email, "p": by_phone, "u": by_url, "n": by_name}
                pk = next(
                    (pk for k in keys if (pk := known[k[0]].get(k[2:]))),
                    None,
                )
                if pk is not None:
                    plan = existing.setdefault(pk, _Plan(row=row, pk=pk))
                else:
                    plan = _Plan(row=row)
                    new.append(plan)
            for k in strong:
                seen[k] = plan
            seen.setdefault(named, plan)
            self._absorb(plan, row)
            if self.progress and count % 500 == 0:
                self.progress(count)
        organizations = self._organizations([*new, *existing.values()])
        created = self._create(new, organizations)
        redated = self._update(existing, organizations, by_email, by_phone)
        self._tag_and_introduce(created, list(existing))
        # New people were dated as they were inserted; the introducer has helped,
        # and a connection date filled in may be earlier than the day they joined.
        introducer = self.introducer.pk if self.introducer else None
        derived.changed(
            owner.pk,
            moved=None if created or self.main or self.introducer else (),
            touched=[*redated, introducer],
        )
        if self.progress:
            self.progress(len(rows))
        return self.result

    def _people_by_name(self) -> dict[str, int]:
        """Everyone's name-and-organization key, the earliest person first."""
        people = (
            Person.objects.filter(owner=self.owner)
            .order_by("pk")
            .values_list("pk", "name", "organization__name")
        )
        found: dict[str, int] = {}
        for pk, name, organization in people:
            found.setdefault(name_key(name, organization or ""), pk)
        return found or {"": 0}  # not empty: read once even in an empty network

    @staticmethod
    def _absorb(plan: _Plan, row: ImportRow) -> None:
        for address, label in row.emails:
            plan.emails.setdefault(address.lower(), label)
        for number, label in row.phones:
            plan.phones.setdefault(phone_key(number), label)
        plan.organization = plan.organization or row.organization
        if plan.row is not row:  # fill what the first row lacked
            for name in (
                "organization",
                "title",
                "location",
                "linkedin_url",
                "notes",
                "connected_on",
            ):
                if not getattr(plan.row, name) and getattr(row, name):
                    setattr(plan.row, name, getattr(row, name))
            plan.row.tags = [*plan.row.tags, *row.tags]

    def _note(self, row: ImportRow, what: str) -> None:
        if len(self.result.preview) < PREVIEW_ROWS:
            self.result.preview.append((row.line, row.name, what))

    def _organizations(self, plans: list[_Plan]) -> dict[str, int]:
        """Organization ids by key, creating those the network does not have yet."""
        wanted = {
            organization_key(p.organization): p.organization
            for p in plans
            if p.organization
        }
        wanted.pop("", None)
        have = dict(
            Organization.objects.filter(
                owner=self.owner, name_key__in=list(wanted)
            ).values_list("name_key", "pk")
        )
        Organization.objects.bulk_create(
            [
                Organization(
                    owner=self.owner, name=name, name_key=key, folded_name=fold(name)
                )
                for key, name in wanted.items()
                if key not in have
            ],
            batch_size=BATCH,
        )
        return dict(
            Organization.objects.filter(
                owner=self.owner, name_key__in=list(wanted)
            ).values_list("name_key", "pk")
        )

    def _create(self, plans: list[_Plan], organizations: dict[str, int]) -> list[int]:
        now = timezone.now()
        today = timezone.localdate(now)
        constant = {
            "owner": self.owner.pk,
            "source": self.source,
            "is_main_contact": self.main,
            "is_demo": False,
            "chain": prepared(Person, "chain", []),
            "how_we_met": "",
            "responsiveness": "",
            "created_at": prepared(Person, "created_at", now),
            "updated_at": prepared(Person, "updated_at", now),
        }
        date = Person._meta.get_field("connected_on")
        fields = [
            *constant,
            "name",
            "folded_name",
            "organization",
            "title",
            "folded_title",
            "location",
            "linkedin_url",
            "notes",
            "connected_on",
            "joined_on",
        ]
        ids = insert_returning_ids(
            Person,
            fields,
            [
                (
                    *constant.values(),
                    (name := p.row.name or next(iter(p.emails), "?")),
                    fold(name),
                    organizations.get(organization_key(p.organization)),
                    p.row.title,
                    fold(p.row.title),
                    p.row.location,
                    p.row.linkedin_url,
                    p.row.notes,
                    date.get_db_prep_save(p.row.connected_on, connection),
                    # Introduced (if at all) today: they joined when they connected.
                    date.get_db_prep_save(
                        min(p.row.connected_on or today, today), connection
                    ),
                )
                for p in plans
            ],
        )
        insert_many(
            EmailAddress,
            ["person", "address", "label"],
            [
                (pk, a, label)
                for pk, p in zip(ids, plans, strict=True)
                for a, label in p.emails.items()
            ],
        )
        insert_many(
            PhoneNumber,
            ["person", "number", "label"],
            [
                (pk, n, label)
                for pk, p in zip(ids, plans, strict=True)
                for n, label in p.phones.items()
            ],
        )
        self.result.created += len(ids)
        for p in plans:
            self._note(p.row, "new")
        self.label_tags = {
            pk: p.row.tags for pk, p in zip(ids, plans, strict=True) if p.row.tags
        }
        return ids

    def _update(
        self,
        plans: dict[int, _Plan],
        organizations: dict[str, int],
        by_email: dict[str, int],
        by_phone: dict[str, int],
    ) -> list[int]:
        """Fill what existing people lack; the ids given a connection date."""
        # Only the fields compared, not whole Person objects: a re-import of a large
        # file mostly finds nothing to change, and should be as fast as a first one.
        current = {
            row["pk"]: row
            for row in Person.objects.filter(pk__in=list(plans)).values(
                "pk", "organization_id", "is_main_contact", *FILLABLE
            )
        }
        changed: list[Person] = []
        fields: set[str] = set()
        new_emails, new_phones = [], []
        for pk, plan in plans.items():
            have, change, what = current[pk], {}, []
            for name in FILLABLE:
                value = getattr(plan.row, name)
                if value and not have[name]:
                    change[name] = value
                    what.append(name.replace("_", " "))
            if "title" in change:
                change["folded_title"] = fold(change["title"])
            org = (
                organizations.get(organization_key(plan.organization))
                if plan.organization
                else None
            )
            if org and not have["organization_id"]:
                change["organization_id"] = org
                what.append("organization")
            if self.main and not have["is_main_contact"]:
                change["is_main_contact"] = True
                what.append("main contact")
            if change:
                changed.append(Person(pk=pk, **change))
                fields.update(
                    "organization" if f == "organization_id" else f for f in change
                )
            for address, label in plan.emails.items():
                if address not in by_email:
                    new_emails.append(
                        EmailAddress(person_id=pk, address=address, label=label)
                    )
                    what.append(f"email {address}")
            for number, label in plan.phones.items():
                if number not in by_phone:
                    new_phones.append(
                        PhoneNumber(person_id=pk, number=number, label=label)
                    )
                    what.append(f"phone {number}")
            if what:
                self.result.updated += 1
                self._note(plan.row, "update: " + ", ".join(what))
            else:
                self.result.unchanged += 1
                self._note(plan.row, "unchanged")
        if fields:
            Person.objects.bulk_update(changed, sorted(fields), batch_size=BATCH)
        EmailAddress.objects.bulk_create(new_emails, batch_size=BATCH)
        PhoneNumber.objects.bulk_create(new_phones, batch_size=BATCH)
        return [p.pk for p in changed if p.connected_on is not None]

    def _tag(self, name: str) -> int:
        """The owner's tag of that name, found as the unique constraint compares
        names (the database's LOWER), or created; names come cut by cleaning.tag."""
        found = (
            Tag.objects.filter(owner=self.owner)
            .alias(key=Lower("name"))
            .filter(key=Lower(Value(name)))
            .values_list("pk", flat=True)
            .first()
        )
        return found or Tag.objects.create(owner=self.owner, name=name).pk

    def _tag_and_introduce(self, created: list[int], updated: list[int]) -> None:
        through = Person.tags.through
        names = [self.tag] if self.tag else []
        names += [t for tags in self.label_tags.values() for t in tags]
        tags: dict[str, int] = {}  # casefolded name -> tag id
        for name in names:
            if name.casefold() not in tags:
                tags[name.casefold()] = self._tag(name)
        links = (
            [(pk, tags[self.tag.casefold()]) for pk in [*created, *updated]]
            if self.tag
            else []
        )
        links += [
            (pk, tags[t.casefold()])
            for pk, ts in self.label_tags.items()
            for t in set(ts)
        ]
        through.objects.bulk_create(
            [through(person_id=p, tag_id=t) for p, t in links],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        if self.introducer is None:
            return
        intro = self.introducer
        already = set(
            Introduction.objects.filter(introducer=intro).values_list(
                "person_id", flat=True
            )
        )
        # Someone already up the introducer's chain cannot also be introduced by them
        # (a circle); one walk up the chain answers that for every row at once.
        upstream = linked(self.owner.pk, [intro.pk], upward=True) or set()
        targets = [
            pk
            for pk in [*created, *updated]
            if pk != intro.pk and pk not in already and pk not in upstream
        ]
        Introduction.objects.bulk_create(
            [
                Introduction(
                    owner=self.owner,
                    introducer=intro,
                    person_id=pk,
                    introduced_on=timezone.localdate(),
                )
                for pk in targets
            ],
            batch_size=BATCH,
        )
