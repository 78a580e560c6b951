"""Today, the home page: what to do now across every app, and how the week is going."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models.functions import TruncWeek
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.outreach.models import Attempt, CallList, FollowUp
from warmline.outreach.queries import (
    lists_for,
    losing_touch,
    waiting_outreach,
    week_start,
)
from warmline.people.fans import fans
from warmline.people.models import Introduction, Person


@dataclass
class Goal:
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
    goals: list[Goal]
    streak_weeks: int
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
        )


def week_progress(owner: User, today: dt.date) -> dict[str, int]:
    start = week_start(today)
    start_at = timezone.make_aware(dt.datetime.combine(start, dt.time()))
    return {
        "calls": Attempt.objects.filter(owner=owner, at__gte=start_at).count(),
        "meetings": Meeting.objects.filter(
            owner=owner, status=Meeting.Status.HELD, at__gte=start_at
        ).count(),
        "names": Introduction.objects.filter(
            owner=owner, introduced_on__gte=start
        ).count(),
    }


def streak(owner: User, today: dt.date, weeks: int = 26) -> int:
    """Weeks in a row, up to this one, with at least one call or meeting."""
    since = timezone.make_aware(
        dt.datetime.combine(week_start(today) - dt.timedelta(weeks=weeks), dt.time())
    )
    active = set(
        Attempt.objects.filter(owner=owner, at__gte=since)
        .annotate(w=TruncWeek("at"))
        .values_list("w", flat=True)
        .distinct()
    ) | set(
        Meeting.objects.filter(owner=owner, status=Meeting.Status.HELD, at__gte=since)
        .annotate(w=TruncWeek("at"))
        .values_list("w", flat=True)
        .distinct()
    )
    active_weeks = {
        timezone.localdate(w) if isinstance(w, dt.datetime) else w for w in active
    }
    count, week = 0, week_start(today)
    if week not in active_weeks:  # this week has only just begun: start from last week
        week -= dt.timedelta(weeks=1)
    while week in active_weeks:
        count += 1
        week -= dt.timedelta(weeks=1)
    return count


def today_for(owner: User, today: dt.date | None = None) -> Today:
    today = today or timezone.localdate()
    now = timezone.now()
    day_start = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    week_end = day_start + dt.timedelta(days=7)
    follow_ups = list(
        FollowUp.objects.filter(
            owner=owner,
            status__in=[FollowUp.Status.OPEN, FollowUp.Status.SNOOZED],
            due__lte=today,
        )
        .select_related("person", "person__organization")
        .order_by("due", "id")[:50]
    )
    meetings = (
        Meeting.objects.filter(
            owner=owner,
            status=Meeting.Status.PLANNED,
            at__gte=day_start,
            at__lt=week_end,
        )
        .select_related("person")
        .order_by("at")
    )
    progress = week_progress(owner, today)
    goals = [
        Goal("Calls made", progress["calls"], owner.goal_calls),
        Goal("Meetings held", progress["meetings"], owner.goal_meetings),
        Goal("New names", progress["names"], owner.goal_names),
    ]
    lists = [lst for lst in lists_for(owner).order_by("-updated_at")[:5] if lst.to_call]  # type: ignore[attr-defined]
    totals = {
        "people": Person.objects.filter(owner=owner).count(),
        "fans": fans(owner).count(),
        "meetings_held": Meeting.objects.filter(
            owner=owner, status=Meeting.Status.HELD
        ).count(),
        "waiting": waiting_outreach(owner, today).count(),
    }
    return Today(
        today=today,
        follow_ups=follow_ups,
        call_lists=lists,
        losing_touch=losing_touch(owner, now),
        meetings_today=[m for m in meetings if timezone.localdate(m.at) == today],
        meetings_week=[m for m in meetings if timezone.localdate(m.at) != today],
        goals=goals,
        streak_weeks=streak(owner, today),
        sittings=list(CallList.objects.filter(owner=owner, next_sitting_on=today)),
        totals=totals,
    )
