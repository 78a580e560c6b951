"""The planner: how many calls a week, at your own rates, to hold N meetings a week."""

from __future__ import annotations

import math
from dataclasses import dataclass

from warmline.accounts.models import User
from warmline.insights import numbers
from warmline.outreach.models import AttemptOutcome

# Stated defaults when there is too little history to go on.
DEFAULT_CALLS_PER_MEETING = 5.0
DEFAULT_NAMES_PER_MEETING = 1.5
DEFAULT_MEETINGS_PER_LEAD = 8.0
ENOUGH_CALLS, ENOUGH_MEETINGS = 20, 3


@dataclass(frozen=True)
class Rates:
    calls_per_meeting: float
    names_per_meeting: float
    meetings_per_lead: float
    from_history: bool


@dataclass(frozen=True)
class Plan:
    meetings_per_week: int
    weeks: int
    calls_per_week: int
    names: int
    leads: float
    rates: Rates


# The all-time numbers the rates are made of (insights/numbers.py).
HISTORY = ("calls_made", "meetings_held", "names_gathered", "job_leads")


def history(owner: User) -> dict[str, int]:
    """What the rates are made of: all-time numbers, and the calls that booked a
    meeting (calls made whose outcome was "scheduled"), in one query."""
    everything = numbers.ALL_TIME
    return numbers.counts(
        owner,
        booked=numbers.calls_made(owner, everything).filter(
            outcome=AttemptOutcome.SCHEDULED
        ),
        **{key: numbers.ROWS[key](owner, everything) for key in HISTORY},
    )


def rates_for(owner: User) -> Rates:
    """Calls per meeting booked, names gathered per meeting held, meetings held per
    job lead: from the seeker's own history, or stated defaults with too little."""
    found = history(owner)
    calls, booked = found["calls_made"], found["booked"]
    held, names, leads = (
        found[k] for k in ("meetings_held", "names_gathered", "job_leads")
    )
    if calls < ENOUGH_CALLS or held < ENOUGH_MEETINGS or booked == 0:
        return Rates(
            DEFAULT_CALLS_PER_MEETING,
            DEFAULT_NAMES_PER_MEETING,
            DEFAULT_MEETINGS_PER_LEAD,
            from_history=False,
        )
    return Rates(
        calls_per_meeting=round(calls / booked, 2),
        names_per_meeting=round(names / held, 2),
        meetings_per_lead=round(held / leads, 2)
        if leads
        else DEFAULT_MEETINGS_PER_LEAD,
        from_history=True,
    )


def plan(rates: Rates, meetings_per_week: int, weeks: int = 8) -> Plan:
    """Calls a week for the meetings wanted, and what they should yield over `weeks`."""
    meetings = meetings_per_week * weeks
    return Plan(
        meetings_per_week=meetings_per_week,
        weeks=weeks,
        calls_per_week=math.ceil(meetings_per_week * rates.calls_per_meeting),
        names=round(meetings * rates.names_per_meeting),  # "about 36 names"
        leads=round(meetings / rates.meetings_per_lead, 1),
        rates=rates,
    )
