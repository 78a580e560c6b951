"""Reads for outreach: what to do today, who is losing touch, call lists in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.outreach.models import (
    Attempt,
    AttemptOutcome,
    CallList,
    CallListEntry,
    FollowUp,
    Outreach,
)
from warmline.people.fans import fans, with_fan_status
from warmline.people.models import Introduction, Person, Tag

RESPONSIVENESS_ORDER = Case(
    When(person__responsiveness="booster", then=Value(0)),
    When(person__responsiveness="", then=Value(1)),
    When(person__responsiveness="obligate", then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)
REACHED = [
    AttemptOutcome.SCHEDULED,
    AttemptOutcome.REPLIED,
    AttemptOutcome.DECLINED,
    AttemptOutcome.CALL_BACK,
]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def entries_in_order(call_list: CallList) -> QuerySet[CallListEntry]:
    """To call first: not done, boosters before the rest, then the list's own order."""
    return (
        call_list.entries.select_related("person", "person__organization")
        .annotate(responsive=RESPONSIVENESS_ORDER)
        .order_by(F("done_at").asc(nulls_first=True), "responsive", "position", "id")
    )


def lists_for(owner: User) -> QuerySet[CallList]:
    return CallList.objects.filter(owner=owner).annotate(
        total=Count("entries"),
        to_call=Count("entries", filter=Q(entries__done_at__isnull=True)),
    )


def losing_touch(
    owner: User, now: dt.datetime | None = None, limit: int = 10
) -> list[Person]:
    """People past their keep-in-touch interval, longest overdue first.

    The interval is the person's own, else the shortest of their tags', else, for a
    fan, FAN_KEEP_IN_TOUCH_DAYS; it runs from the last interaction (or from when
    they were added). Own and tag intervals vary and are few, so they are compared
    here; fans share one interval, so the database compares their dates first and
    only then applies the fan rule, to people already out of touch.
    """
    now = now or timezone.now()
    people = Person.objects.filter(owner=owner)
    tag_days = (
        Tag.objects.filter(people=OuterRef("pk"), keep_in_touch_days__isnull=False)
        .order_by("keep_in_touch_days")
        .values("keep_in_touch_days")[:1]
    )
    own = (
        people.annotate(days=Coalesce("keep_in_touch_days", tag_days))
        .filter(days__isnull=False)
        .values_list("pk", "days", "last_interaction_at", "created_at")
    )
    due: list[tuple[dt.datetime, int]] = []
    for pk, days, last, created in own:
        if (last or created) + dt.timedelta(days=days) <= now:
            due.append(((last or created) + dt.timedelta(days=days), pk))
    fan_days = dt.timedelta(days=settings.FAN_KEEP_IN_TOUCH_DAYS)
    quiet_fans = with_fan_status(
        people.filter(keep_in_touch_days__isnull=True)
        .exclude(
            Exists(
                Tag.objects.filter(
                    people=OuterRef("pk"), keep_in_touch_days__isnull=False
                )
            )
        )
        .annotate(since=Coalesce("last_interaction_at", "created_at"))
        .filter(since__lte=now - fan_days)
    ).filter(is_fan=True)  # type: ignore[misc]  # annotated
    for pk, since in quiet_fans.order_by("since").values_list("pk", "since")[:limit]:  # type: ignore[misc]  # annotated
        due.append((since + fan_days, pk))
    due.sort()
    chosen = [pk for _, pk in due[:limit]]
    found = (
        Person.objects.filter(pk__in=chosen).select_related("organization").in_bulk()
    )
    return [found[pk] for pk in chosen]


def referrals_not_reached(owner: User) -> QuerySet[Person]:
    """People someone introduced whom the seeker has not tried to reach yet."""
    return Person.objects.filter(owner=owner).filter(
        Exists(Introduction.objects.filter(person=OuterRef("pk"))),
        ~Exists(Attempt.objects.filter(person=OuterRef("pk"))),
    )


def fans_not_contacted(
    owner: User, days: int = 30, now: dt.datetime | None = None
) -> QuerySet[Person]:
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    return with_fan_status(Person.objects.filter(owner=owner)).filter(
        Q(last_interaction_at__isnull=True) | Q(last_interaction_at__lt=cutoff),
        is_fan=True,
    )  # type: ignore[misc]


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
        "waiting": Outreach.objects.filter(
            owner=owner, status=Outreach.Status.WAITING
        ).count(),
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
        totals=totals,
    )


def session_summary(session: Any) -> dict[str, Any]:
    attempts = session.attempts.all()
    made = attempts.count()
    reached = attempts.filter(outcome__in=REACHED).count()
    booked = attempts.filter(outcome=AttemptOutcome.SCHEDULED).count()
    return {
        "made": made,
        "reached": reached,
        "booked": booked,
        "rate": round(100 * reached / made) if made else 0,
    }
