"""Cursor pagination for the lists of people and of journal entries: in the order
they were added (by id), resumed after the last one seen, so a page costs the same
however deep it is (the primary key's index, no sort) and rows added meanwhile are
neither skipped nor repeated."""

from __future__ import annotations

import base64
import binascii

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

MARK = "after:"
NOT_A_CURSOR = "This is not a cursor this API gave."


def _encode(pk: int) -> str:
    return base64.urlsafe_b64encode(f"{MARK}{pk}".encode()).decode()


def _decode(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (ValueError, binascii.Error, UnicodeError):
        raise ValidationError({"cursor": NOT_A_CURSOR}) from None
    number = text.removeprefix(MARK)
    if not text.startswith(MARK) or not number.isascii() or not number.isdigit():
        raise ValidationError({"cursor": NOT_A_CURSOR})
    if len(number) > 18:  # past any id: nothing after it
        return 10**18
    return int(number)


def page_of(
    rows: QuerySet[Model], cursor: str | None, limit: int
) -> tuple[list[int], str | None]:
    """The ids of one page, in order, and the cursor of the next (None at the end)."""
    rows = rows.order_by("id")
    if cursor:
        rows = rows.filter(id__gt=_decode(cursor))
    found = list(rows.values_list("id", flat=True)[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    return found, _encode(found[-1]) if more else None
