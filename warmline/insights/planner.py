"""The planner: how many calls a week, at your own rates, to hold N meetings a week."""

from __future__ import annotations

import math
from dataclasses import dataclass

from warmline.accounts.models import User
from warmline.meetings.models import JobLead, Meeting
from warmline.outreach.models import Attempt, AttemptOutcome
from warmline.people.models import Introduction

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
    names: float
    leads: float
    rates: Rates


def rates_for(owner: User) -> Rates:
    calls = Attempt.objects.filter(owner=owner).count()
    booked = Attempt.objects.filter(
        owner=owner, outcome=AttemptOutcome.SCHEDULED
    ).count()
    held = Meeting.objects.filter(owner=owner, status=Meeting.Status.HELD).count()
    if calls < ENOUGH_CALLS or held < ENOUGH_MEETINGS or booked == 0:
        return Rates(
            DEFAULT_CALLS_PER_MEETING,
            DEFAULT_NAMES_PER_MEETING,
            DEFAULT_MEETINGS_PER_LEAD,
            from_history=False,
        )
    names = Introduction.objects.filter(owner=owner, meeting__isnull=False).count()
    leads = JobLead.objects.filter(owner=owner).count()
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
        names=round(meetings * rates.names_per_meeting, 1),
        leads=round(meetings / rates.meetings_per_lead, 1),
        rates=rates,
    )
