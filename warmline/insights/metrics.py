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
    DurationField,
    ExpressionWrapper,
    F,
    Min,
    Q,
)
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.fans import fan_dates
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.outreach.models import ANSWERED, Attempt, Channel, Outreach
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


def reached_count(
    owner: User, start: dt.datetime | None, end: dt.datetime | None
) -> int:
    """People who answered an attempt or were met (a meeting is an answer) in a span.

    Counted from the events (a UNION of person ids), not by testing every person.
    """
    answered = Attempt.objects.filter(owner=owner, outcome__in=ANSWERED)
    met = Meeting.objects.filter(owner=owner, status=HELD)
    if start is not None:
        answered, met = answered.filter(at__gte=start), met.filter(at__gte=start)
    if end is not None:
        answered, met = answered.filter(at__lt=end), met.filter(at__lt=end)
    both = (
        answered.order_by()
        .values("person_id")
        .union(met.order_by().values("person_id"))
    )
    return both.count()


def new_fans(owner: User, since: dt.date | None, until: dt.date | None) -> int:
    """Fans whose first help fell in [since, until] (every fan when both are None)."""
    dates = fan_dates(owner)
    if since is None and until is None:
        return len(dates)
    return sum(
        1
        for day in dates.values()
        if day is not None
        and (since is None or day >= since)
        and (until is None or day <= until)
    )


def funnel(owner: User, period: Period) -> dict[str, Any]:
    """People reached -> meetings held -> names gathered -> fans -> job leads."""
    start = period.start()
    reached = reached_count(owner, start, None)
    held = _since(Meeting.objects.filter(owner=owner, status=HELD), "at", start).count()
    names = _since(
        Introduction.objects.filter(owner=owner, meeting__isnull=False),
        "introduced_on",
        period.since,
    ).count()
    fans_count = new_fans(owner, period.since, None)
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

    def per_week(queryset: Any, field: str, dates: bool = False) -> list[int]:
        # One aggregate with a filtered count per week: the (owner, at) index answers
        # it, with no per-row date function.
        bounds = [(w, w + dt.timedelta(weeks=1)) for w in labels]
        if not dates:
            bounds = [
                (
                    timezone.make_aware(dt.datetime.combine(a, dt.time())),
                    timezone.make_aware(dt.datetime.combine(b, dt.time())),
                )
                for a, b in bounds
            ]
        counts = queryset.aggregate(
            **{
                f"w{i}": Count(
                    "pk", filter=Q(**{f"{field}__gte": a, f"{field}__lt": b})
                )
                for i, (a, b) in enumerate(bounds)
            }
        )
        return [counts[f"w{i}"] for i in range(len(labels))]

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
            dates=True,
        ),
        "goals": {
            "calls": owner.goal_calls,
            "meetings": owner.goal_meetings,
            "names": owner.goal_names,
        },
    }


def growth(owner: User, period: Period) -> dict[str, Any]:
    """People in the network by the week they joined (introduced, connected or added),
    cumulative, by degree.

    Two queries (people's degree and dates, and each person's first introduction),
    bucketed here: cheaper than a correlated subquery and a date function per row.
    """
    introduced = dict(
        Introduction.objects.filter(owner=owner).values("person")
        .annotate(first=Min("introduced_on")).values_list("person", "first")
    )  # fmt: skip
    by_week: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    people = Person.objects.filter(owner=owner).values_list(
        "pk", "degree", "connected_on", "created_at"
    )
    tz = timezone.get_current_timezone()
    for pk, degree, connected, created in people:
        joined = introduced.get(pk) or connected or created.astimezone(tz).date()
        week = joined - dt.timedelta(days=joined.weekday())
        by_week[week][str(min(degree, 4)) if degree else "none"] += 1
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
