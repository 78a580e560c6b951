"""Is the networking working? Every number from aggregate queries, dated by the event.

An attempt counts at its time; a meeting's names, paths and leads on the meeting's
date; a fan from the first help they gave (a referral, a lead, or a meeting in which
they gave feedback or information).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
)
from django.db.models.expressions import Star
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.outreach.models import ANSWERED, Attempt, Channel, Outreach
from warmline.people.fans import new_fans
from warmline.people.models import Introduction, Person

PERIODS = {
    "4w": ("Last 4 weeks", 4),
    "12w": ("Last 12 weeks", 12),
    "all": ("All time", None),
}
HELD = Meeting.Status.HELD


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    since: dt.date | None  # None: all time

    @classmethod
    def of(cls, key: str, today: dt.date | None = None) -> Period:
        key = key if key in PERIODS else "12w"
        label, weeks = PERIODS[key]
        today = today or timezone.localdate()
        return cls(key, label, today - dt.timedelta(weeks=weeks) if weeks else None)

    def start(self) -> dt.datetime | None:
        if self.since is None:
            return None
        return timezone.make_aware(dt.datetime.combine(self.since, dt.time()))


def _since(queryset: Any, field: str, value: Any) -> Any:
    return (
        queryset.filter(**{f"{field}__gte": value}) if value is not None else queryset
    )


def reached(owner: User, start: dt.datetime | None, end: dt.datetime | None) -> Any:
    """People who answered an attempt or were met (a meeting is an answer) in a span:
    a UNION of person ids from the events, not a test of every person."""
    answered = Attempt.objects.filter(owner=owner, outcome__in=ANSWERED)
    met = Meeting.objects.filter(owner=owner, status=HELD)
    if start is not None:
        answered, met = answered.filter(at__gte=start), met.filter(at__gte=start)
    if end is not None:
        answered, met = answered.filter(at__lt=end), met.filter(at__lt=end)
    return (
        answered.order_by()
        .values_list("person_id", flat=True)
        .union(met.order_by().values_list("person_id", flat=True))
    )


def reached_count(
    owner: User, start: dt.datetime | None, end: dt.datetime | None
) -> int:
    return int(reached(owner, start, end).count())


def funnel(owner: User, period: Period) -> dict[str, Any]:
    """People reached -> meetings held -> names gathered -> fans -> job leads."""
    start = period.start()
    reached = reached_count(owner, start, None)
    found = counts(
        owner,
        held=_since(Meeting.objects.filter(owner=owner, status=HELD), "at", start),
        names=_since(
            Introduction.objects.filter(owner=owner, meeting__isnull=False),
            "introduced_on",
            period.since,
        ),
        fans=new_fans(owner, period.since, None),
        leads=_since(JobLead.objects.filter(owner=owner), "heard_on", period.since),
    )
    held, names, fans_count, leads = (
        found[k] for k in ("held", "names", "fans", "leads")
    )
    steps = [
        ("People reached", reached),
        ("Meetings held", held),
        ("Names gathered", names),
        ("New fans", fans_count),
        ("Job leads", leads),
    ]

    def rate(a: int, b: int) -> float | None:
        return round(a / b, 2) if b else None

    return {
        "steps": steps,
        "rates": {
            "meetings per person reached": rate(held, reached),
            "names per meeting": rate(names, held),
            "fans per meeting": rate(fans_count, held),
            "leads per meeting": rate(leads, held),
        },
    }


def count_of(queryset: Any) -> Subquery:
    """A queryset's row count as a scalar subquery (COUNT without a GROUP BY)."""
    return Subquery(
        queryset.order_by()
        .annotate(n=Func(Star(), function="COUNT", output_field=IntegerField()))
        .values("n"),
        output_field=IntegerField(),
    )


def counts(owner: User, **querysets: Any) -> dict[str, int]:
    """Many counts in one query: each queryset becomes an uncorrelated scalar
    subquery, which the database answers from an index range."""
    scalars = {name: count_of(queryset) for name, queryset in querysets.items()}
    return cast(
        dict[str, int], User.objects.filter(pk=owner.pk).values(**scalars).get()
    )


def weekly(
    owner: User, weeks: int = 12, today: dt.date | None = None
) -> dict[str, Any]:
    """Calls made, meetings held and new names per week, with the weekly goals."""
    today = today or timezone.localdate()
    first = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    mondays = [first + dt.timedelta(weeks=i) for i in range(weeks + 1)]
    starts = [timezone.make_aware(dt.datetime.combine(d, dt.time())) for d in mondays]
    series = {
        "calls": Attempt.objects.filter(owner=owner),
        "meetings": Meeting.objects.filter(owner=owner, status=HELD),
    }
    found = counts(
        owner,
        **{
            f"{name}{i}": queryset.filter(at__gte=starts[i], at__lt=starts[i + 1])
            for name, queryset in series.items()
            for i in range(weeks)
        },
        **{
            f"names{i}": Introduction.objects.filter(
                owner=owner,
                meeting__isnull=False,
                introduced_on__gte=mondays[i],
                introduced_on__lt=mondays[i + 1],
            )
            for i in range(weeks)
        },
    )
    return {
        "labels": [w.isoformat() for w in mondays[:weeks]],
        **{
            name: [found[f"{name}{i}"] for i in range(weeks)]
            for name in ("calls", "meetings", "names")
        },
        "goals": {
            "calls": owner.goal_calls,
            "meetings": owner.goal_meetings,
            "names": owner.goal_names,
        },
    }


def growth(owner: User, period: Period) -> dict[str, Any]:
    """People in the network by the week they joined (added, connected, introduced or
    introducing someone, whichever came first), cumulative, by degree.

    One grouped count by join date and degree (Person.joined_on, see people/dates.py),
    bucketed into weeks here: no per-row date function, and rows per day, not per
    person.
    """
    by_week: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        Person.objects.filter(owner=owner)
        .values_list("joined_on", "degree")
        .annotate(n=Count("*"))
        .order_by()
    )
    for joined, degree, n in rows:
        if joined is None:  # not yet dated (a row written outside the services)
            continue
        week = joined - dt.timedelta(days=joined.weekday())
        by_week[week][str(min(degree, 4)) if degree else "none"] += n
    keys = ["1", "2", "3", "4", "none"]
    totals = dict.fromkeys(keys, 0)
    series: dict[str, list[int]] = {k: [] for k in keys}
    labels = []
    for week in sorted(by_week):
        for k in keys:
            totals[k] += by_week[week][k]
        if period.since is None or week >= period.since - dt.timedelta(days=6):
            labels.append(week.isoformat())
            for k in keys:
                series[k].append(totals[k])
    return {"labels": labels, "series": series}


PURITY = {True: "Pure network meetings", False: "Interviews and the rest"}


def yields(owner: User, period: Period) -> dict[str, list[dict[str, Any]]]:
    """Held meetings by mode and by purity, with names and leads per meeting.

    One grouped query by (mode, is_pure); each meeting, name and lead falls in one
    group, so both breakdowns are sums over it.
    """
    held = _since(
        Meeting.objects.filter(owner=owner, status=HELD), "at", period.start()
    )
    rows = (
        held.values_list("mode", "is_pure")
        .annotate(
            meetings=Count("*"),
            names=Sum(count_of(Introduction.objects.filter(meeting=OuterRef("pk")))),
            leads=Sum(count_of(JobLead.objects.filter(meeting=OuterRef("pk")))),
        )
        .order_by()
    )
    by_mode: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_purity: dict[bool, list[int]] = defaultdict(lambda: [0, 0, 0])
    for mode, is_pure, meetings, names, leads in rows:
        for totals in (by_mode[mode], by_purity[is_pure]):
            totals[0] += meetings
            totals[1] += names or 0
            totals[2] += leads or 0

    def table(
        totals: dict[Any, list[int]], labels: dict[Any, str]
    ) -> list[dict[str, Any]]:
        rows = []
        for key, label in labels.items():
            if key in totals:
                meetings, names, leads = totals[key]
                rows.append(
                    {
                        "key": key,
                        "label": label,
                        "meetings": meetings,
                        "names": names,
                        "leads": leads,
                        "names_per_meeting": round(names / meetings, 2),
                        "leads_per_meeting": round(leads / meetings, 2),
                    }
                )
        return rows

    return {
        "modes": table(by_mode, dict(Meeting.Mode.choices)),
        "purity": table(by_purity, PURITY),
    }


def response_by_channel(owner: User, period: Period) -> dict[str, Any]:
    """How often outreach is answered, by channel, and how long replies take."""
    start = period.start()
    attempts: dict[str, int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    by_outcome = (
        _since(Attempt.objects.filter(owner=owner), "at", start)
        .values_list("channel", "outcome")
        .annotate(n=Count("*"))
        .order_by()
    )  # grouped as the (owner, channel, outcome) index is ordered: no sort
    for channel, outcome, n in by_outcome:
        attempts[channel] += n
        answered[channel] += n if outcome in ANSWERED else 0
    waited = ExpressionWrapper(
        F("replied_at") - F("started_at"), output_field=DurationField()
    )
    replies = _since(
        Outreach.objects.filter(owner=owner, replied_at__isnull=False),
        "started_at",
        start,
    ).annotate(waited=waited)
    waits = sorted(
        r.total_seconds() for r in replies.values_list("waited", flat=True) if r
    )
    median_days = round(waits[len(waits) // 2] / 86400, 1) if waits else None
    return {
        "channels": [
            {
                "channel": channel,
                "label": Channel(channel).label,
                "attempts": attempts[channel],
                "answered": answered[channel],
                "rate": round(answered[channel] / attempts[channel], 2),
            }
            for channel in sorted(attempts)
        ],
        "median_reply_days": median_days,
        "replies": len(waits),
    }


def paths_by_status(owner: User) -> list[tuple[str, int]]:
    counts = dict(
        CareerPath.objects.filter(owner=owner)
        .values("status")
        .annotate(n=Count("*"))
        .values_list("status", "n")
    )
    return [(label, counts.get(value, 0)) for value, label in CareerPath.Status.choices]
