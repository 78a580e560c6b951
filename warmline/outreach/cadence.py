"""The 3B7 routine and responsiveness, in business days (Monday to Friday).

After an outreach gets no reply: at 3 business days, reach a second person at the
same organization; at 7, follow up once with the first person; at 10, mark them
"no reply" and move on. How fast they answered, when they did, is their badge:
within 3 business days a booster, later an obligate, never a curmudgeon.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from warmline.people.models import Responsiveness

BOOSTER_WITHIN_DAYS = 3


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The date `days` business days after `start` (weekends skipped)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days from `start` to `end`: 0 the same day, 1 the next business day."""
    days, current = 0, start
    while current < end:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def second_contact_on(start: dt.date) -> dt.date:
    return add_business_days(start, settings.CADENCE_SECOND_CONTACT_DAYS)


def follow_up_on(start: dt.date) -> dt.date:
    return add_business_days(start, settings.CADENCE_FOLLOW_UP_DAYS)


def give_up_on(start: dt.date) -> dt.date:
    return add_business_days(start, settings.CADENCE_GIVE_UP_DAYS)


def responsiveness(started: dt.date, replied: dt.date | None) -> str:
    if replied is None:
        return Responsiveness.CURMUDGEON
    within = business_days_between(started, replied) <= BOOSTER_WITHIN_DAYS
    return Responsiveness.BOOSTER if within else Responsiveness.OBLIGATE
