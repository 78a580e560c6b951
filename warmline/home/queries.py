"""Today, the home page: what to do now across every app, and how the week is going."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from warmline.accounts.models import User
from warmline.insights import numbers
from warmline.meetings.models import Meeting
from warmline.outreach.models import CallList, FollowUp
from warmline.outreach.queries import (
    lists_for,
    losing_touch,
    pending_follow_ups,
    waiting_outreach,
)
from warmline.people.models import Person


@dataclass
class Goal:
    key: str  # the number it aims at (insights/numbers.py)
    label: str
    done: int
    target: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target)) if self.target else 100


@dataclass
class Today:
    today: dt.date
    follow_ups: list[FollowUp]
    call_lists: list[CallList]
    losing_touch: list[Person]
    meetings_today: list[Meeting]
    meetings_week: list[Meeting]
    meetings_to_log: list[Meeting]  # planned, already begun, no outcome yet
    goals: list[Goal]
    streak_weeks: int
    active_this_week: bool
    sittings: list[CallList] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (
            self.follow_ups
            or self.call_lists
            or self.losing_touch
            or self.meetings_today
            or self.meetings_week
            or self.meetings_to_log
        )


def goals_for(owner: User, done: dict[str, int]) -> list[Goal]:
    """This week's numbers against the seeker's weekly goals."""
    return [
        Goal(key, numbers.LABELS[key], done[key], target)
        for key, target in numbers.goals_of(owner).items()
    ]


ACTIVE = ("calls_made", "meetings_held")  # a week with either keeps the streak


def is_active(week: dict[str, int]) -> bool:
    return any(week[key] for key in ACTIVE)


def streak(
    owner: User, today: dt.date, weeks: int = 26, known: Sequence[bool] = ()
) -> int:
    """Weeks in a row, up to this one, with at least one call made or meeting held.

    `known`: whether this week and the ones before it (newest first) were active, if
    the caller already counted them. The rest are asked a few weeks at a time (4,
    then 8, then 16), further back only while every week so far was active: most
    streaks are short, and each week asked is two counts.
    """
    this_week = numbers.monday_of(today)
    mondays = [this_week - dt.timedelta(weeks=i) for i in range(weeks + 1)]
    active = list(known)[: len(mondays)]
    size = 4
    while len(active) < len(mondays) and all(active[1:]):
        asked = mondays[len(active) : len(active) + size]
        active += [is_active(week) for week in numbers.by_week(owner, asked, ACTIVE)]
        size *= 2
    if not active[0]:  # this week has only just begun: start from last week
        active = active[1:]
    return next((i for i, yes in enumerate(active) if not yes), len(active))


TO_LOG_SHOWN = 10


def today_for(owner: User, today: dt.date | None = None) -> Today:
    today = today or timezone.localdate()
    now = timezone.now()
    day_start = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    week_end = day_start + dt.timedelta(days=7)
    follow_ups = list(
        pending_follow_ups(owner, today)
        .filter(due__lte=today)
        .select_related("person", "person__organization")
        .order_by("due", "id")[:50]
    )
    planned = Meeting.objects.filter(
        owner=owner, status=Meeting.Status.PLANNED
    ).select_related("person")
    meetings = planned.filter(at__gte=now, at__lt=week_end).order_by("at")
    to_log = list(planned.filter(at__lt=now).order_by("-at")[:TO_LOG_SHOWN])
    # In one query: the goals' numbers this week (the page shows only these;
    # `warmline today --json` asks for all six), whether last week was active (for
    # the streak), and two all-time numbers.
    this_week, last_week, so_far = numbers.tally(
        owner,
        [
            (numbers.Span.week_of(today), tuple(numbers.GOALS)),
            (numbers.Span.week_of(today - dt.timedelta(weeks=1)), ACTIVE),
            (numbers.ALL_TIME, ("meetings_held", "new_fans")),
        ],
    )
    lists = [lst for lst in lists_for(owner).order_by("-updated_at")[:5] if lst.to_call]  # type: ignore[attr-defined]
    totals = {
        "people": Person.objects.filter(owner=owner).count(),
        "fans": so_far["new_fans"],  # all time: every fan
        "meetings_held": so_far["meetings_held"],
        "waiting": waiting_outreach(owner, today).count(),
    }
    return Today(
        today=today,
        follow_ups=follow_ups,
        call_lists=lists,
        losing_touch=losing_touch(owner, now),
        meetings_today=[m for m in meetings if timezone.localdate(m.at) == today],
        meetings_week=[m for m in meetings if timezone.localdate(m.at) != today],
        meetings_to_log=to_log,
        goals=goals_for(owner, this_week),
        streak_weeks=streak(
            owner, today, known=[is_active(this_week), is_active(last_week)]
        ),
        active_this_week=is_active(this_week),
        sittings=list(CallList.objects.filter(owner=owner, next_sitting_on=today)),
        totals=totals,
    )
