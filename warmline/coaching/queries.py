"""What a coach or partner reads of a seeker: the week against goals, whether the
seeker needs attention, and the rows not marked private.

Every number comes from insights/numbers.py and home/queries.py, the definitions
the seeker's own Today and report use, counted in the seeker's time zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import DateTimeField, OuterRef, QuerySet, Subquery
from django.utils import timezone

from warmline.accounts.models import Share, User
from warmline.coaching.models import Comment
from warmline.home.queries import Goal, goals_for, is_active, streak
from warmline.insights import numbers
from warmline.meetings.models import Meeting
from warmline.outreach.models import Attempt
from warmline.outreach.queries import pending_follow_ups
from warmline.people.models import Person

QUIET_DAYS = 7  # no call or meeting for this long: needs attention
LOW_SHARE = 0.5  # under half the goals...
LOW_WEEKS = 2  # ...this many finished weeks running: needs attention


def visible_people(seeker: User) -> QuerySet[Person]:
    return Person.objects.filter(owner=seeker, is_private=False)


def visible_meetings(seeker: User) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        owner=seeker, is_private=False, person__is_private=False
    )


def share_of_goals(goals: list[Goal]) -> float:
    """How much of the week's goals was met, each capped at its target (0 to 1)."""
    target = sum(goal.target for goal in goals)
    if not target:
        return 1.0
    return sum(min(goal.done, goal.target) for goal in goals) / target


@dataclass
class SeekerWeek:
    share: Share
    today: dt.date
    goals: list[Goal]
    streak_weeks: int
    last_activity: dt.datetime | None
    overdue: int
    attention: list[str]  # why the seeker needs attention; empty when all is well

    @property
    def seeker(self) -> User:
        return self.share.owner

    @property
    def met(self) -> float:
        return share_of_goals(self.goals)

    def sort_key(self, key: str) -> Any:
        if key in numbers.GOALS:
            return -next(g.done for g in self.goals if g.key == key)
        far = dt.datetime.min.replace(tzinfo=dt.UTC)
        return {
            "name": self.seeker.get_full_name().lower() or self.seeker.username,
            "streak": -self.streak_weeks,
            "activity": -(self.last_activity or far).timestamp(),
            "overdue": -self.overdue,
        }.get(key, (not self.attention, self.met))


def _last_activity(seeker: User) -> dt.datetime | None:
    """The latest call made or meeting held, in one query."""
    now = timezone.now()
    calls = Attempt.objects.filter(owner=OuterRef("pk")).order_by("-at").values("at")
    held = (
        Meeting.objects.filter(
            owner=OuterRef("pk"), status=Meeting.Status.HELD, at__lte=now
        )
        .order_by("-at")
        .values("at")
    )
    row = (
        User.objects.filter(pk=seeker.pk)
        .values(
            last_call=Subquery(calls[:1], output_field=DateTimeField()),
            last_meeting=Subquery(held[:1], output_field=DateTimeField()),
        )
        .get()
    )
    times = [t for t in (row["last_call"], row["last_meeting"]) if t is not None]
    return max(times, default=None)


def seeker_week(share: Share, today: dt.date | None = None) -> SeekerWeek:
    """The seeker's week as their own Today counts it (in their zone)."""
    seeker = share.owner
    with timezone.override(seeker.zone):
        today = today or timezone.localdate()
        weeks = [numbers.Span.week_of(today - dt.timedelta(weeks=n)) for n in range(3)]
        keys = tuple(numbers.GOALS)
        this, *before = numbers.tally(seeker, [(week, keys) for week in weeks])
        goals = goals_for(seeker, this)
        last = _last_activity(seeker)
        overdue = pending_follow_ups(seeker, today).filter(due__lt=today).count()
        attention = []
        if last is None or timezone.now() - last > dt.timedelta(days=QUIET_DAYS):
            attention.append(f"no call or meeting for {QUIET_DAYS} days")
        if all(
            share_of_goals(goals_for(seeker, week)) < LOW_SHARE
            for week in before[:LOW_WEEKS]
        ):
            attention.append(f"under half the goals {LOW_WEEKS} weeks running")
        return SeekerWeek(
            share=share,
            today=today,
            goals=goals,
            streak_weeks=streak(
                seeker, today, known=[is_active(this), is_active(before[0])]
            ),
            last_activity=last,
            overdue=overdue,
            attention=attention,
        )


SORTS = {
    "attention": "Needs attention",
    "name": "Name",
    "calls_made": "Calls",
    "meetings_held": "Meetings",
    "names_gathered": "Names",
    "streak": "Streak",
    "activity": "Last activity",
    "overdue": "Overdue",
}


def dashboard(
    viewer: User, sort: str = "attention", seekers: list[int] | None = None
) -> list[SeekerWeek]:
    """Every seeker who shares with `viewer` (or those of a group), sorted."""
    shares = Share.objects.filter(viewer=viewer).select_related("owner")
    if seekers is not None:
        shares = shares.filter(owner_id__in=seekers)
    rows = [seeker_week(share) for share in shares]
    key = sort if sort in SORTS else "attention"
    return sorted(rows, key=lambda row: row.sort_key(key))


NEW_COMMENTS_SHOWN = 10


def new_comments(seeker: User) -> list[Comment]:
    """Comments by others on the seeker's reports that the seeker has not seen."""
    unseen = Comment.objects.filter(seeker=seeker, seen_at__isnull=True).exclude(
        author=seeker
    )
    return list(
        unseen.select_related("author", "entry").order_by("-created_at")[
            :NEW_COMMENTS_SHOWN
        ]
    )
