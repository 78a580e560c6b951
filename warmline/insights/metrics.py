"""Is the networking working? Every number from aggregate queries, dated by the event.

The six numbers (calls made, people reached, meetings held, names gathered, new fans,
job leads) are defined once, in insights/numbers.py; the funnel and the weekly series
read them from there. The rest here (growth, yields, answers by channel) breaks the
same rows down further.
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
    OuterRef,
    Sum,
)
from django.utils import timezone

from warmline.accounts.models import User
from warmline.insights import numbers
from warmline.insights.numbers import count_of
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.outreach.models import ANSWERED, Channel, Outreach
from warmline.people.models import Introduction, Person

PERIODS = {
    "4w": ("Last 4 weeks", 4),
    "12w": ("Last 12 weeks", 12),
    "all": ("All time", None),
}
FUNNEL = ("people_reached", "meetings_held", "names_gathered", "new_fans", "job_leads")
WEEKLY = ("calls_made", "meetings_held", "names_gathered")


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

    def span(self) -> numbers.Span:
        """From the first local day of the period, open-ended."""
        return numbers.Span(self.since, None)


def funnel(owner: User, period: Period) -> dict[str, Any]:
    """People reached -> meetings held -> names gathered -> new fans -> job leads."""
    found = numbers.tally(owner, [(period.span(), FUNNEL)])[0]
    reached, held, names, fans_count, leads = (found[k] for k in FUNNEL)

    def rate(a: int, b: int) -> float | None:
        return round(a / b, 2) if b else None

    return {
        "steps": [(numbers.LABELS[k], found[k]) for k in FUNNEL],
        "counts": {k: found[k] for k in FUNNEL},
        # Ratios of the same numbers, named for exactly what they divide.
        "rates": {
            "meetings held per person reached": rate(held, reached),
            "names gathered per meeting held": rate(names, held),
            "new fans per meeting held": rate(fans_count, held),
            "job leads per meeting held": rate(leads, held),
        },
    }


def weekly(
    owner: User, weeks: int = 12, today: dt.date | None = None
) -> dict[str, Any]:
    """Calls made, meetings held and names gathered per week, with the weekly goals."""
    today = today or timezone.localdate()
    first = numbers.monday_of(today) - dt.timedelta(weeks=weeks - 1)
    mondays = [first + dt.timedelta(weeks=i) for i in range(weeks)]
    found = numbers.by_week(owner, mondays, WEEKLY)
    return {
        "labels": [monday.isoformat() for monday in mondays],
        "titles": {key: numbers.LABELS[key] for key in WEEKLY},
        **{key: [week[key] for week in found] for key in WEEKLY},
        "goals": numbers.goals_of(owner),
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
        week = numbers.monday_of(joined)
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
    """Held meetings by mode and by purity, with the names and leads given in them,
    per meeting: what a kind of meeting yields, not names gathered by date.

    One grouped query by (mode, is_pure); each meeting, name and lead falls in one
    group, so both breakdowns are sums over it.
    """
    held = numbers.meetings_held(owner, period.span())
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
    span = period.span()
    attempts: dict[str, int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    by_outcome = (
        numbers.calls_made(owner, span)
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
    replies = Outreach.objects.filter(
        owner=owner, replied_at__isnull=False, **span.times("started_at")
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
