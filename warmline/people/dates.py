"""The two dates each person keeps, so insights can count them with an index.

- joined_on: the earliest day they show up in the network: added, connected (an
  import), introduced, or introducing someone. Events typed in later count when they
  happened.
- first_helped_on: the day of their first help: a referral, a job lead, or
  information in a meeting (feedback on the resume, or something learned), dated by
  the meeting.

Both are derived from other rows, and kept right through people.derived, the one
entry point every writer calls. A referral is help that people records itself; the
apps above it that log other help (meetings: job leads, information in a meeting)
register where it is found with `register_help`, from their AppConfig.ready(), so
this module never imports them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from warmline.people.degrees import WHOLE_NETWORK_ABOVE
from warmline.people.models import Introduction, Person


@dataclass(frozen=True)
class HelpSource:
    """Rows that record help: `rows(owner_id)` gives them, `who` is the lookup of the
    person who helped, `when` the date (or time: its local day) they helped."""

    name: str
    rows: Callable[[int], QuerySet[Any]]
    who: str
    when: str


HELP_SOURCES: list[HelpSource] = [
    HelpSource(
        "referral",
        lambda owner_id: Introduction.objects.filter(owner_id=owner_id),
        "introducer",
        "introduced_on",
    )
]


def register_help(source: HelpSource) -> None:
    """Count another kind of row as help (called once, from an AppConfig.ready())."""
    if all(known.name != source.name for known in HELP_SOURCES):
        HELP_SOURCES.append(source)


def refresh_dates(owner_id: int, people: Iterable[int | None] | None = None) -> int:
    """Store both dates for `people` (ids), or for everyone; count the rows changed."""
    ids = None if people is None else {pk for pk in people if pk is not None}
    if ids == set():
        return 0
    if ids is not None and len(ids) > WHOLE_NETWORK_ABOVE:
        ids = None  # as quick, and no IN list past the database's variable limit
    stored = Person.objects.filter(owner_id=owner_id)
    if ids is not None:
        stored = stored.filter(pk__in=ids)
    rows = list(
        stored.values_list(
            "pk", "joined_on", "first_helped_on", "connected_on", "created_at"
        )
    )
    seen = _first_introduction(owner_id, ids)
    helped = first_help(owner_id, ids)
    tz = timezone.get_current_timezone()
    # Few distinct pairs of dates: one plain UPDATE per pair (and per 500 people) is
    # far quicker than bulk_update's CASE over every changed row.
    changed: dict[tuple[dt.date, dt.date | None], list[int]] = defaultdict(list)
    for pk, joined, helped_on, connected, created in rows:
        known = (seen.get(pk), connected, created.astimezone(tz).date())
        dates = (min(day for day in known if day is not None), helped.get(pk))
        if dates != (joined, helped_on):
            changed[dates].append(pk)
    for (joined, helped_on), pks in changed.items():
        for start in range(0, len(pks), 500):
            Person.objects.filter(pk__in=pks[start : start + 500]).update(
                joined_on=joined, first_helped_on=helped_on
            )
    return sum(len(pks) for pks in changed.values())


def _first_introduction(owner_id: int, ids: set[int] | None) -> dict[int, dt.date]:
    """Each person's earliest introduction, given or received."""
    firsts: dict[int, dt.date] = {}
    for side in ("person", "introducer"):
        introductions = Introduction.objects.filter(owner_id=owner_id)
        if ids is not None:
            introductions = introductions.filter(**{f"{side}__in": ids})
        _keep_earliest(
            firsts,
            introductions.values(side)
            .annotate(d=Min("introduced_on"))
            .values_list(side, "d"),
        )
    return firsts


def first_help(owner_id: int, ids: set[int] | None = None) -> dict[int, dt.date]:
    """Each helper's first help, over every registered source (a referral, a lead,
    information in a meeting).

    One grouped aggregate per source, one row per person who ever helped (among
    `ids`, or the whole network).
    """
    firsts: dict[int, dt.date] = {}
    for source in HELP_SOURCES:
        who = source.who
        among = Q(**{f"{who}__in": ids}) if ids is not None else Q()
        _keep_earliest(
            firsts,
            source.rows(owner_id)
            .filter(among, **{f"{who}__isnull": False})
            .values(who)
            .annotate(d=Min(source.when))
            .values_list(who, "d"),
        )
    return firsts


def _keep_earliest(firsts: dict[int, dt.date], rows: Any) -> None:
    tz = timezone.get_current_timezone()
    for pk, day in rows:
        if isinstance(day, dt.datetime):  # a meeting's time: its local day
            day = day.astimezone(tz).date()
        if pk not in firsts or day < firsts[pk]:
            firsts[pk] = day
