"""How Warmline writes a day and a moment, everywhere (pages, messages, the CLI):
"Tue 1 Dec", with the year when the day is more than six months away
("Mon 12 Mar 2024"), and "Tue 1 Dec, 10:30" in the user's time zone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format

SHOW_YEAR_BEYOND_DAYS = 183  # about six months either way


def day(value: dt.date | dt.datetime, today: dt.date | None = None) -> str:
    if isinstance(value, dt.datetime):
        value = (
            timezone.localtime(value).date()
            if timezone.is_aware(value)
            else value.date()
        )
    today = today or timezone.localdate()
    far = abs((value - today).days) > SHOW_YEAR_BEYOND_DAYS
    return date_format(value, "D j M Y" if far else "D j M")


def moment(value: dt.datetime, today: dt.date | None = None) -> str:
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{day(local.date(), today)}, {date_format(local, 'H:i')}"
