"""Cursor pagination for the people list: by name, then id, resumed after the last
row seen, so a page costs the same however deep it is and rows added meanwhile are
neither skipped nor repeated."""

from __future__ import annotations

import base64
import binascii
import json

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from warmline.people.models import Person


def _encode(key: str, pk: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([key, pk]).encode()).decode()


def _decode(cursor: str) -> tuple[str, int]:
    try:
        key, pk = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise ValidationError(
            {"cursor": "This is not a cursor this API gave."}
        ) from None
    if not (isinstance(key, str) and isinstance(pk, int)) or "\x00" in key:
        raise ValidationError({"cursor": "This is not a cursor this API gave."})
    return key, pk


def page_of(
    people: QuerySet[Person], cursor: str | None, limit: int
) -> tuple[list[int], str | None]:
    """The ids of one page, in order, and the cursor of the next (None at the end)."""
    rows = people.annotate(name_key=Lower("name")).order_by("name_key", "id")
    if cursor:
        key, pk = _decode(cursor)
        rows = rows.filter(Q(name_key__gt=key) | Q(name_key=key, id__gt=pk))
    found = list(rows.values_list("name_key", "id")[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    return [pk for _, pk in found], _encode(*found[-1]) if more else None
