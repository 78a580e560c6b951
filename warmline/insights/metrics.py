"""Is the networking working? Every number from aggregate queries, dated by the event.

An attempt counts at its time; a meeting's names, paths and leads on the meeting's
date; a fan from the first help they gave (a referral, a lead, or a meeting in which
they gave feedback or information).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Least, TruncDate, TruncWeek
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.fans import INFORMATION, with_fan_status
from warmline.meetings.models import CareerPath, JobLead, Meeting, Outcome
from warmline.outreach.models import ANSWERED, Attempt, Channel, Outreach
from warmline.people.models import Introduction, Person

PERIODS = {
    "4w": ("Last 4 weeks", 4),
    "12w": ("Last 12 weeks", 12),
    "all": ("All time", None),
}
HELD = Meeting.Status.HELD
FAR_FUTURE = dt.date(9999, 12, 31)


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


def first_help_dates(owner: User) -> Any:
    """People with `first_help`: the date of the first referral, lead or information."""

    def first(queryset: Any, field: str) -> Subquery:
        return Subquery(
            queryset.order_by(field).values(field)[:1], output_field=DateField()
        )

    referral = first(
        Introduction.objects.filter(introducer=OuterRef("pk")), "introduced_on"
    )
    lead = first(JobLead.objects.filter(person=OuterRef("pk")), "heard_on")
    helped = (
        Outcome.objects.filter(INFORMATION, meeting__person=OuterRef("pk"))
        .annotate(day=TruncDate("meeting__at"))
        .order_by("day")
        .values("day")[:1]
    )
    info = Subquery(helped, output_field=DateField())
    far = Value(FAR_FUTURE, output_field=DateField())
    return with_fan_status(Person.objects.filter(owner=owner)).annotate(
        first_help=Least(
            Coalesce(referral, far), Coalesce(lead, far), Coalesce(info, far)
        )
    )


def funnel(owner: User, period: Period) -> dict[str, Any]:
    """People reached -> meetings held -> names gathered -> fans -> job leads."""
    start = period.start()
    # Reached: they answered an attempt, or met the seeker (a meeting is an answer).
    answered = _since(
        Attempt.objects.filter(person=OuterRef("pk"), outcome__in=ANSWERED), "at", start
    )
    met = _since(
        Meeting.objects.filter(person=OuterRef("pk"), status=HELD), "at", start
    )
    reached = (
        Person.objects.filter(owner=owner)
        .filter(Exists(answered) | Exists(met))
        .count()
    )
    held = _since(Meeting.objects.filter(owner=owner, status=HELD), "at", start).count()
    names = _since(
        Introduction.objects.filter(owner=owner, meeting__isnull=False),
        "introduced_on",
        period.since,
    ).count()
    fans = first_help_dates(owner).filter(is_fan=True)  # type: ignore[misc]
    if period.since:
        fans = fans.filter(first_help__gte=period.since, first_help__lt=FAR_FUTURE)
    fans_count = fans.count()
    leads = _since(
        JobLead.objects.filter(owner=owner), "heard_on", period.since
    ).count()
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


def weekly(
    owner: User, weeks: int = 12, today: dt.date | None = None
) -> dict[str, Any]:
    """Calls made, meetings held and new names per week, with the weekly goals."""
    today = today or timezone.localdate()
    first = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time()))
    labels = [first + dt.timedelta(weeks=i) for i in range(weeks)]

    def per_week(queryset: Any, field: str) -> list[int]:
        rows = (
            queryset.annotate(week=TruncWeek(field))
            .values("week")
            .annotate(n=Count("pk"))
        )
        found = {_day(r["week"]): r["n"] for r in rows}
        return [found.get(week, 0) for week in labels]

    return {
        "labels": [w.isoformat() for w in labels],
        "calls": per_week(Attempt.objects.filter(owner=owner, at__gte=start), "at"),
        "meetings": per_week(
            Meeting.objects.filter(owner=owner, status=HELD, at__gte=start), "at"
        ),
        "names": per_week(
            Introduction.objects.filter(
                owner=owner, meeting__isnull=False, introduced_on__gte=first
            ),
            "introduced_on",
        ),
        "goals": {
            "calls": owner.goal_calls,
            "meetings": owner.goal_meetings,
            "names": owner.goal_names,
        },
    }


def _day(value: Any) -> dt.date:
    return timezone.localdate(value) if isinstance(value, dt.datetime) else value


def growth(owner: User, period: Period) -> dict[str, Any]:
    """People in the network by week they joined (met or introduced), by degree."""
    first_intro = Subquery(
        Introduction.objects.filter(person=OuterRef("pk"))
        .order_by("introduced_on")
        .values("introduced_on")[:1],
        output_field=DateField(),
    )
    joined = Coalesce(
        first_intro, "connected_on", TruncDate("created_at"), output_field=DateField()
    )
    rows = (
        Person.objects.filter(owner=owner)
        .annotate(joined=joined)
        .annotate(week=TruncWeek("joined"))
        .values("week", "degree")
        .annotate(n=Count("pk"))
        .order_by("week")
    )
    by_week: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        degree = str(min(row["degree"], 4)) if row["degree"] else "none"
        by_week[_day(row["week"])][degree] += row["n"]
    keys = ["1", "2", "3", "4", "none"]
    weeks = sorted(by_week)
    totals = dict.fromkeys(keys, 0)
    series: dict[str, list[int]] = {k: [] for k in keys}
    labels = []
    for week in weeks:
        for k in keys:
            totals[k] += by_week[week][k]
        if period.since is None or week >= period.since - dt.timedelta(days=6):
            labels.append(week.isoformat())
            for k in keys:
                series[k].append(totals[k])
    return {"labels": labels, "series": series}


def yield_by(owner: User, period: Period, field: str) -> list[dict[str, Any]]:
    """Held meetings by `field` (mode, is_pure), with names and leads per meeting."""
    meetings = _since(
        Meeting.objects.filter(owner=owner, status=HELD), "at", period.start()
    )
    rows = (
        meetings.values(field)
        .annotate(
            meetings=Count("pk", distinct=True),
            names=Count("introductions", distinct=True),
            leads=Count("job_leads", distinct=True),
        )
        .order_by(field)
    )
    return [
        {
            **row,
            "names_per_meeting": round(row["names"] / row["meetings"], 2),
            "leads_per_meeting": round(row["leads"] / row["meetings"], 2),
        }
        for row in rows
    ]


def response_by_channel(owner: User, period: Period) -> dict[str, Any]:
    """How often outreach is answered, by channel, and how long replies take."""
    start = period.start()
    rows = (
        _since(Attempt.objects.filter(owner=owner), "at", start)
        .values("channel")
        .annotate(
            attempts=Count("pk"), answered=Count("pk", filter=Q(outcome__in=ANSWERED))
        )
        .order_by("channel")
    )
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
                **r,
                "label": Channel(r["channel"]).label,
                "rate": round(r["answered"] / r["attempts"], 2),
            }
            for r in rows
        ],
        "median_reply_days": median_days,
        "replies": len(waits),
    }


def true_networkers(owner: User, limit: int = 10) -> list[dict[str, Any]]:
    """Who gave the most names, and how far their introductions led."""
    top = list(
        Introduction.objects.filter(owner=owner)
        .values("introducer")
        .annotate(n=Count("pk"))
        .order_by("-n", "introducer")[:limit]
    )
    if not top:
        return []
    edges: dict[int, list[int]] = defaultdict(list)
    for introducer, person in Introduction.objects.filter(owner=owner).values_list(
        "introducer_id", "person_id"
    ):
        edges[introducer].append(person)
    meetings = dict(
        Meeting.objects.filter(owner=owner, status=HELD)
        .values("person")
        .annotate(n=Count("pk"))
        .values_list("person", "n")
    )
    leads = dict(
        JobLead.objects.filter(owner=owner, person__isnull=False)
        .values("person")
        .annotate(n=Count("pk"))
        .values_list("person", "n")
    )
    names = dict(
        Person.objects.filter(pk__in=[t["introducer"] for t in top]).values_list(
            "pk", "name"
        )
    )
    result = []
    for row in top:
        downstream, stack = set(), list(edges[row["introducer"]])
        while stack:
            person = stack.pop()
            if person not in downstream:
                downstream.add(person)
                stack += edges[person]
        result.append(
            {
                "id": row["introducer"],
                "name": names.get(row["introducer"], "?"),
                "names_given": row["n"],
                "downstream_people": len(downstream),
                "downstream_meetings": sum(meetings.get(p, 0) for p in downstream),
                "downstream_leads": sum(leads.get(p, 0) for p in downstream),
            }
        )
    return result


def paths_by_status(owner: User) -> list[tuple[str, int]]:
    counts = dict(
        CareerPath.objects.filter(owner=owner)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [(label, counts.get(value, 0)) for value, label in CareerPath.Status.choices]
