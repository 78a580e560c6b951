"""The values Warmline accepts for dates and spans: one rule that model fields,
forms, the CLI, services and importers all apply, so a typo like 0226 or 2226 is
refused with a message instead of breaking calendars and weekly numbers later."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

FIRST_YEAR = 1900
LAST_YEAR = 2100
LONGEST_MEETING_MINUTES = 24 * 60
MOST_SNOOZE_DAYS = 365


def check_date(value: dt.date | dt.datetime | None) -> None:
    """Refuse a date (or moment) outside the years 1900 to 2100."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            f"Give a date between {FIRST_YEAR} and {LAST_YEAR}, not {value.year}.",
            code="date_out_of_range",
        )


MEETING_MINUTES = [
    MinValueValidator(1, "A meeting lasts at least a minute."),
    MaxValueValidator(
        LONGEST_MEETING_MINUTES,
        f"A meeting lasts at most {LONGEST_MEETING_MINUTES // 60} hours "
        f"({LONGEST_MEETING_MINUTES} minutes).",
    ),
]
