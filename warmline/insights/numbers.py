"""The six numbers of networking, each defined once, for any span of local days.

- Calls made: attempts to reach someone, on any channel and with any outcome, by the
  attempt's time.
- People reached: distinct people who answered an attempt (replied, scheduled,
  declined, call back) or were met in a held meeting, by the attempt's or the
  meeting's time.
- Meetings held: meetings marked held, by the meeting's time.
- Names gathered: introductions, that is new names someone gave the seeker, whether
  given in a meeting or added by hand with "introduced by", by the introduction's
  date. A name given in a meeting is dated by the meeting's local day (and moves
  with it).
- New fans: people whose first help (a referral, a job lead, feedback or information
  in a meeting) fell in the span, by Person.first_helped_on (people/fans.py). Over
  all time (no bounds at all) it is every fan, those marked by hand included.
- Job leads: leads by the day they were heard of (a meeting's leads: its local day).

A span is whole local days in the current time zone, from 00:00 on its first day to
00:00 after its last; a week runs from Monday 00:00 to the next Monday 00:00. Times
(attempts, meetings) are compared with those instants and dates (introductions,
leads, first help) with the days, so a call at 23:30 on a Sunday counts in that
week even when it is already Monday in UTC. A missing bound leaves that side open.

Each number is the count of one queryset (`ROWS`), so a list under a count (the
weekly report's names, fans, meetings) shows exactly the rows counted; many numbers
over many spans come from one query of scalar subqueries, each an index range.
Today, /insights/, the weekly report, the planner, `warmline today` and
`warmline report` all read them from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, cast

from django.db.models import Func, IntegerField, QuerySet, Subquery
from django.db.models.expressions import RawSQL, Star
from django.utils import timezone
from django.utils.translation import ngettext

from warmline.accounts.models import User
from warmline.meetings.models import JobLead, Meeting
from warmline.outreach.models import ANSWERED, Attempt
from warmline.people import fans
from warmline.people.models import Introduction, Person


@dataclass(frozen=True)
class Numbers:
    """What a span of days came to (the definitions are in the module docstring)."""

    calls_made: int = 0
    people_reached: int = 0
    meetings_held: int = 0
    names_gathered: int = 0
    new_fans: int = 0
    job_leads: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


KEYS = tuple(f.name for f in fields(Numbers))
LABELS = {
    "calls_made": "Calls made",
    "people_reached": "People reached",
    "meetings_held": "Meetings held",
    "names_gathered": "Names gathered",
    "new_fans": "New fans",
    "job_leads": "Job leads",
}
# Each number in one line, shown beside it (insights, the report) and in README.
MEANING = {
    "calls_made": "Tries to reach someone, on any channel, whatever came of them.",
    "people_reached": "Different people who answered a try or met you.",
    "meetings_held": "Meetings marked held, counted on the day they took place.",
    "names_gathered": "People introduced to you: in a meeting, or added by hand "
    "with who introduced them.",
    "new_fans": "People who helped you for the first time: a name, a lead, "
    "feedback or information.",
    "job_leads": "Openings you heard of, on the day you heard of them.",
}
# Each number's noun, one and many: "1 call made", "3 calls made".
NOUNS = {
    "calls_made": ("call made", "calls made"),
    "people_reached": ("person reached", "people reached"),
    "meetings_held": ("meeting held", "meetings held"),
    "names_gathered": ("name gathered", "names gathered"),
    "new_fans": ("new fan", "new fans"),
    "job_leads": ("job lead", "job leads"),
}


@dataclass(frozen=True)
class Shown:
    """One number as a page shows it: the count, its noun in the right number, and
    what it means."""

    key: str
    value: int

    @property
    def noun(self) -> str:
        return ngettext(*NOUNS[self.key], self.value)

    @property
    def meaning(self) -> str:
        return MEANING[self.key]


def shown(values: dict[str, int], keys: Iterable[str] = tuple(LABELS)) -> list[Shown]:
    return [Shown(key, values[key]) for key in keys]


# The weekly goals a seeker sets (accounts.User fields), by the number they aim at.
GOALS = {
    "calls_made": "goal_calls",
    "meetings_held": "goal_meetings",
    "names_gathered": "goal_names",
}


def goals_of(owner: User) -> dict[str, int]:
    return {key: getattr(owner, name) for key, name in GOALS.items()}


@dataclass(frozen=True)
class Span:
    """Whole local days from `first` to `last`, both included; None leaves it open."""

    first: dt.date | None = None
    last: dt.date | None = None

    @classmethod
    def week_of(cls, day: dt.date) -> Span:
        monday = monday_of(day)
        return cls(monday, monday + dt.timedelta(days=6))

    def start(self) -> dt.datetime | None:
        return None if self.first is None else midnight(self.first)

    def end(self) -> dt.datetime | None:
        return None if self.last is None else midnight(self.last + dt.timedelta(1))

    def days(self, field: str) -> dict[str, dt.date]:
        """Filters for rows whose date `field` falls in the span."""
        bounds = {f"{field}__gte": self.first, f"{field}__lte": self.last}
        return {k: v for k, v in bounds.items() if v is not None}

    def times(self, field: str) -> dict[str, dt.datetime]:
        """Filters for rows whose time `field` falls in the span's local days."""
        bounds = {f"{field}__gte": self.start(), f"{field}__lt": self.end()}
        return {k: v for k, v in bounds.items() if v is not None}


ALL_TIME = Span()


def monday_of(day: dt.date) -> dt.date:
    """The first day of the week that holds `day` (weeks run Monday to Sunday)."""
    return day - dt.timedelta(days=day.weekday())


def midnight(day: dt.date) -> dt.datetime:
    """00:00 local time on `day`, as an aware datetime."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def calls_made(owner: User, span: Span) -> QuerySet[Attempt]:
    return Attempt.objects.filter(owner=owner, **span.times("at"))


def people_reached(owner: User, span: Span) -> QuerySet[Any]:
    """Person ids, each once: a UNION over the events, not a test of every person."""
    answered = Attempt.objects.filter(
        owner=owner, outcome__in=ANSWERED, **span.times("at")
    )
    return (
        answered.order_by()
        .values_list("person_id", flat=True)
        .union(
            meetings_held(owner, span).order_by().values_list("person_id", flat=True)
        )
    )


def meetings_held(owner: User, span: Span) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        owner=owner, status=Meeting.Status.HELD, **span.times("at")
    )


def names_gathered(owner: User, span: Span) -> QuerySet[Introduction]:
    return Introduction.objects.filter(owner=owner, **span.days("introduced_on"))


def new_fans(owner: User, span: Span) -> QuerySet[Person]:
    return fans.new_fans(owner, span.first, span.last)


def job_leads(owner: User, span: Span) -> QuerySet[JobLead]:
    return JobLead.objects.filter(owner=owner, **span.days("heard_on"))


ROWS: dict[str, Callable[[User, Span], QuerySet[Any]]] = {
    "calls_made": calls_made,
    "people_reached": people_reached,
    "meetings_held": meetings_held,
    "names_gathered": names_gathered,
    "new_fans": new_fans,
    "job_leads": job_leads,
}


def count_of(queryset: QuerySet[Any]) -> Any:
    """A queryset's row count as an uncorrelated scalar subquery, which the database
    answers from an index range (COUNT(*), so PostgreSQL may read the index alone)."""
    if queryset.query.combinator:  # a UNION: count the rows of it as a derived table
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        return RawSQL(
            f"SELECT COUNT(*) FROM ({sql}) AS united",
            params,
            output_field=IntegerField(),
        )
    return Subquery(
        queryset.order_by().values(
            n=Func(Star(), function="COUNT", output_field=IntegerField())
        ),
        output_field=IntegerField(),
    )


def counts(owner: User, **querysets: QuerySet[Any]) -> dict[str, int]:
    """Many counts in one query, each queryset a scalar subquery."""
    scalars = {name: count_of(queryset) for name, queryset in querysets.items()}
    row = User.objects.filter(pk=owner.pk).values(**scalars).get()
    return cast(dict[str, int], row)


def tally(
    owner: User, asks: Sequence[tuple[Span, Sequence[str]]]
) -> list[dict[str, int]]:
    """For each (span, names) asked, those numbers over that span: one query."""
    found = counts(
        owner,
        **{
            f"n{i}_{j}": ROWS[name](owner, span)
            for i, (span, names) in enumerate(asks)
            for j, name in enumerate(names)
        },
    )
    return [
        {name: found[f"n{i}_{j}"] for j, name in enumerate(names)}
        for i, (_, names) in enumerate(asks)
    ]


def numbers_for(
    owner: User, start_day: dt.date | None, end_day: dt.date | None
) -> Numbers:
    """All six numbers from `start_day` to `end_day` (local days, both included)."""
    return Numbers(**tally(owner, [(Span(start_day, end_day), KEYS)])[0])


def week_numbers(owner: User, day: dt.date) -> Numbers:
    """The six numbers of the week (Monday to Sunday) that holds `day`."""
    week = Span.week_of(day)
    return numbers_for(owner, week.first, week.last)


def by_week(
    owner: User, mondays: Sequence[dt.date], only: Sequence[str] = KEYS
) -> list[dict[str, int]]:
    """The numbers in `only` for each week starting on one of `mondays`, one query."""
    return tally(owner, [(Span.week_of(monday), only) for monday in mondays])
