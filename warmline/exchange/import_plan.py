"""Planning an import: everything it will do, worked out by reading alone.

A row is the same person as one already there when it shares an email, a LinkedIn
URL or a normalised phone number; a row with none of these is when it has the same
name and organization (ignoring case and spacing). Then only their blank fields are
filled and new emails and phones added, so a re-import changes nothing and the
user's own edits stay.

The plan is made outside any transaction, so on SQLite it takes no write lock and
other writers go on while a large file is matched; a preview is a plan's counts.
`import_write.write` carries a plan out in one short transaction, after checking
the network's fingerprint (taken before the plan read anything) to see that
nothing it was made from changed meanwhile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max
from django.db.models.functions import Lower

from warmline.exchange.cleaning import organization as organization_key
from warmline.exchange.cleaning import phone_key
from warmline.exchange.rows import ImportRow
from warmline.people.degrees import linked
from warmline.people.models import EmailAddress, Introduction, Person, PhoneNumber
from warmline.people.search import fold

FILLABLE = (
    "given_name",
    "family_name",
    "title",
    "location",
    "linkedin_url",
    "notes",
    "connected_on",
)
PREVIEW_ROWS = 10  # new people shown by name
LISTED_ROWS = 500  # rows of each other kind listed with their reason


@dataclass
class Listed:
    """Rows of one kind, as the preview lists them: the first LISTED_ROWS."""

    count: int = 0
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # line, name, why

    @property
    def more(self) -> int:
        return self.count - len(self.rows)

    def add(self, line: int, name: str, why: str) -> None:
        self.count += 1
        if len(self.rows) < LISTED_ROWS:
            self.rows.append((line, name, why))


READ_BATCH = 5_000  # ids per IN list when reading the people a file matched


LISTED_KINDS = {
    "likely_duplicates": "Likely duplicates: added, but may be someone already here",
    "updated": "Updated: what they were missing is filled in",
    "unchanged": "Already here, unchanged",
    "repeated": "Repeated in the file: joined to the earlier row",
    "values_left_out": "Imported, but a value left out",
    "skipped": "Not imported",
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0  # rows that were the same person as an earlier row in the file
    preview: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # line, name, what: the first new people
    # Every row that is not simply new, by kind, with its reason.
    listed: dict[str, Listed] = field(
        default_factory=lambda: {kind: Listed() for kind in LISTED_KINDS}
    )

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.repeated

    @property
    def skipped(self) -> int:
        return self.listed["skipped"].count

    @property
    def likely_duplicates(self) -> int:
        return self.listed["likely_duplicates"].count


@dataclass(frozen=True)
class Options:
    """What the user chose for the whole file."""

    source: str
    main: bool = False
    tag: str = ""  # cleaned
    introducer: int | None = None  # a person's id


@dataclass(slots=True)
class Match:
    """A person the file names, new (pk None) or already there, with what the file
    adds to them (its first row, filled from later rows naming the same person)."""

    row: ImportRow
    pk: int | None = None
    emails: dict[str, str] = field(default_factory=dict)  # lower address -> label
    phones: dict[str, str] = field(default_factory=dict)  # key -> label
    organization: str = ""  # the key of row.organization
    merged: bool = False  # row is a copy, filled from later rows


@dataclass(slots=True)
class Change:
    """What to fill in on someone already there."""

    pk: int
    fields: dict[str, Any]  # FILLABLE names, is_main_contact
    organization: str = ""  # the key of one to set, where they had none


@dataclass
class Plan:
    owner_id: int
    options: Options
    fingerprint: tuple[Any, ...]
    new: list[Match] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    emails: list[tuple[int, str, str]] = field(default_factory=list)  # pk, address…
    phones: list[tuple[int, str, str]] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)  # key -> a name
    matched: list[int] = field(default_factory=list)  # everyone already there
    introduce: list[int] = field(default_factory=list)  # of those, by the introducer
    result: ImportResult = field(default_factory=ImportResult)


def fingerprint(owner_id: int) -> tuple[Any, ...]:
    """What changes whenever the people, emails, phones or introductions a plan
    reads change: counts, highest ids, the latest edit. A few indexed aggregates."""
    people = Person.objects.filter(owner_id=owner_id)
    emails = EmailAddress.objects.filter(person__owner_id=owner_id)
    phones = PhoneNumber.objects.filter(person__owner_id=owner_id)
    introductions = Introduction.objects.filter(owner_id=owner_id)
    return (
        *people.aggregate(Count("id"), Max("id"), Max("updated_at")).values(),
        *emails.aggregate(Count("id"), Max("id")).values(),
        *phones.aggregate(Count("id"), Max("id")).values(),
        *introductions.aggregate(Count("id"), Max("id")).values(),
    )


def linkedin_key(url: str) -> str:
    """One spelling per profile: linkedin.com/in/Dana/ is linkedin.com/in/dana."""
    url = url.strip().lower().split("?")[0].rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def name_key(name: str, organization: str) -> str:
    """Who a row with no email, URL or phone is: its name (as search compares
    names: no case, no accents) and organization key."""
    return f"{fold(name)}|{organization}"


def make_plan(
    owner_id: int,
    rows: list[ImportRow],
    options: Options,
    progress: Callable[[int], None] | None = None,
) -> Plan:
    """What importing `rows` would do to the owner's network, read without writing."""
    plan = Plan(owner_id, options, fingerprint(owner_id))
    for line, why in getattr(rows, "skipped", []):
        plan.result.listed["skipped"].add(line, "", why)
    for line, name, what in getattr(rows, "values_left_out", []):
        plan.result.listed["values_left_out"].add(line, name, what)
    existing = _match(plan, rows, progress)
    _plan_changes(plan, existing)
    for match in plan.new:
        _note(plan.result, match.row, "new")
        if match.organization:
            plan.organizations.setdefault(match.organization, match.row.organization)
    plan.result.created = len(plan.new)
    _flag_likely_duplicates(plan)
    if options.introducer is not None:
        plan.introduce = _to_introduce(owner_id, options.introducer, plan.matched)
    return plan


def _match(
    plan: Plan, rows: list[ImportRow], progress: Callable[[int], None] | None
) -> dict[int, Match]:
    """Who each row is: someone already there, someone earlier in the file, or new."""
    owner_id = plan.owner_id
    known: dict[str, dict[str, int]] = {
        "e": dict(
            EmailAddress.objects.filter(person__owner_id=owner_id).values_list(
                Lower("address"), "person_id"
            )
        ),
        "p": dict(
            PhoneNumber.objects.filter(person__owner_id=owner_id).values_list(
                "number", "person_id"
            )
        ),
        "u": {
            linkedin_key(url): pk
            for pk, url in Person.objects.filter(owner_id=owner_id)
            .exclude(linkedin_url="")
            .values_list("pk", "linkedin_url")
        },
        "n": {},  # read only when a row has nothing else
    }
    existing: dict[int, Match] = {}
    seen: dict[str, Match] = {}  # keys met earlier in this file
    for count, row in enumerate(rows, 1):
        organization = organization_key(row.organization) if row.organization else ""
        strong = [f"e:{a.lower()}" for a, _ in row.emails]
        if row.linkedin_url:
            strong.append(f"u:{linkedin_key(row.linkedin_url)}")
        for number, _ in row.phones:
            strong.append(f"p:{phone_key(number)}")
        named = f"n:{name_key(row.name, organization)}"
        keys = strong or [named]
        if not strong and not known["n"]:
            known["n"] = _people_by_name(owner_id)
        match = None
        for key in keys:  # loops, not next(…): this runs for every row
            if (match := seen.get(key)) is not None:
                break
        if match is not None:
            plan.result.repeated += 1
            plan.result.listed["repeated"].add(
                row.line, row.name, f"the same person as line {match.row.line}"
            )
        else:
            pk = None
            for key in keys:
                if pk := known[key[0]].get(key[2:]):
                    break
            if not pk:
                match = Match(row=row, organization=organization)
                plan.new.append(match)
            elif (match := existing.get(pk)) is None:
                match = existing[pk] = Match(row, pk, organization=organization)
        for key in strong:
            seen[key] = match
        seen.setdefault(named, match)
        if row.emails or row.phones or match.row is not row:
            _absorb(match, row, organization)
        if progress and count % 1000 == 0:
            progress(count)
    return existing


def _people_by_name(owner_id: int) -> dict[str, int]:
    """Everyone's name-and-organization key, the earliest person first."""
    people = (
        Person.objects.filter(owner_id=owner_id)
        .order_by("pk")
        .values_list("pk", "name", "organization__name_key")
    )
    found: dict[str, int] = {}
    for pk, name, organization in people:
        found.setdefault(name_key(name, organization or ""), pk)
    return found or {"": 0}  # not empty: read once even in an empty network


def _absorb(match: Match, row: ImportRow, organization: str) -> None:
    for address, label in row.emails:
        match.emails.setdefault(address.lower(), label)
    for number, label in row.phones:
        match.phones.setdefault(phone_key(number), label)
    if match.row is row:
        return
    if not match.merged:  # the rows stay as read: a plan may be made again
        match.row, match.merged = dataclasses.replace(match.row), True
    first = match.row
    if not match.organization and organization:
        match.organization = organization
    for name in ("organization", *FILLABLE):  # fill what the first row lacked
        if not getattr(first, name) and getattr(row, name):
            setattr(first, name, getattr(row, name))
    first.tags = [*first.tags, *row.tags]


def _note(result: ImportResult, row: ImportRow, what: str) -> None:
    if len(result.preview) < PREVIEW_ROWS:
        result.preview.append((row.line, row.name, what))


def _flag_likely_duplicates(plan: Plan) -> None:
    """New people whose name (without case or accents) is someone's already here:
    added all the same (nothing is lost), and named in the preview so the user can
    merge them on the duplicates page."""
    people = Person.objects.filter(owner_id=plan.owner_id)
    if not plan.new or not people.exists():  # a first import: nobody to be
        return
    wanted = {fold(m.row.name) for m in plan.new}
    here: dict[str, tuple[int, str]] = {}
    # Everyone's names, filtered here: an IN list of 50,000 names is too long.
    for pk, folded, name in people.order_by("pk").values_list(
        "pk", "folded_name", "name"
    ):
        if folded in wanted:
            here.setdefault(folded, (pk, name))
    for match in plan.new:
        if found := here.get(fold(match.row.name)):
            pk, name = found
            plan.result.listed["likely_duplicates"].add(
                match.row.line, match.row.name, f"{name} (#{pk}) is already here"
            )


def _current(pks: list[int]) -> dict[int, dict[str, Any]]:
    """The fields a plan compares, of the people a file matched (not whole Person
    objects: a re-import of a large file mostly finds nothing to change)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(pks), READ_BATCH):
        people = Person.objects.filter(pk__in=pks[start : start + READ_BATCH])
        for row in people.values("pk", "organization_id", "is_main_contact", *FILLABLE):
            found[row["pk"]] = row
    return found


def _plan_changes(plan: Plan, existing: dict[int, Match]) -> None:
    """What to fill in on the people already there, and their new emails and phones."""
    if not existing:
        return
    emails = set(
        EmailAddress.objects.filter(person__owner_id=plan.owner_id).values_list(
            Lower("address"), flat=True
        )
    )
    phones = set(
        PhoneNumber.objects.filter(person__owner_id=plan.owner_id).values_list(
            "number", flat=True
        )
    )
    current = _current(list(existing))
    for pk, match in existing.items():
        if (have := current.get(pk)) is None:  # removed since it was matched
            plan.fingerprint = ()  # so the write makes the plan again
            continue
        change, what = Change(pk, {}), []
        for name in FILLABLE:
            value = getattr(match.row, name)
            if value and not have[name]:
                change.fields[name] = value
                what.append(name.replace("_", " "))
        if match.organization and not have["organization_id"]:
            change.organization = match.organization
            plan.organizations.setdefault(match.organization, match.row.organization)
            what.append("organization")
        if plan.options.main and not have["is_main_contact"]:
            change.fields["is_main_contact"] = True
            what.append("main contact")
        if change.fields or change.organization:
            plan.changes.append(change)
        for address, label in match.emails.items():
            if address not in emails:
                plan.emails.append((pk, address, label))
                what.append(f"email {address}")
        for number, label in match.phones.items():
            if number not in phones:
                plan.phones.append((pk, number, label))
                what.append(f"phone {number}")
        if what:
            plan.result.updated += 1
            plan.result.listed["updated"].add(
                match.row.line, match.row.name, ", ".join(what)
            )
        else:
            plan.result.unchanged += 1
            plan.result.listed["unchanged"].add(
                match.row.line, match.row.name, "nothing new in the file"
            )
    plan.matched = [pk for pk in existing if pk in current]


def _to_introduce(owner_id: int, introducer: int, matched: list[int]) -> list[int]:
    """The people already there the introducer will be recorded as introducing."""
    already = set(
        Introduction.objects.filter(introducer_id=introducer).values_list(
            "person_id", flat=True
        )
    )
    # Someone already up the introducer's chain cannot also be introduced by them
    # (a circle); one walk up the chain answers that for every row at once.
    upstream = linked(owner_id, [introducer], upward=True) or set()
    return [
        pk
        for pk in matched
        if pk != introducer and pk not in already and pk not in upstream
    ]
