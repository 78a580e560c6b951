"""Moving one row up or down in a list kept in order by a `position` field."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet


def move(siblings: QuerySet[Any], item: Any, offset: int) -> None:
    """Move `item` by `offset` places (-1 up, +1 down) among `siblings` (the whole
    list, item included), and number them 0, 1, 2... in their new order."""
    items = list(siblings.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    renumber(siblings.model, items)


def renumber(model: type[Any], items: list[Any]) -> None:
    """Store each item's place in `items` as its position."""
    for position, other in enumerate(items):
        other.position = position
    model.objects.bulk_update(items, ["position"])
