"""The one entry point that keeps a network's derived data right.

Derived: each person's degree and chain (degrees.py), the days they joined and
first helped (dates.py), and names as search compares them (search.py: save() keeps
those; bulk writes that bypass it are caught up by `network_changed`). They follow
from main-contact marks, introductions and the help registered with dates.py, so
every writer of those (services, importers, merge, JSON import, restore, the demo,
the admin) calls one of these two after writing, in the same transaction:

- `changed(owner_id, moved=..., touched=...)` after a change to a few people;
- `network_changed(owner_id)` after a change made in bulk.

The test suite recomputes everything after each database test and fails on anything
left stale (`stale_rows`), so a writer that forgets cannot go unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable

from warmline.people.dates import refresh_dates
from warmline.people.degrees import recompute_degrees
from warmline.people.search import refresh_folded


def changed(
    owner_id: int,
    *,
    moved: Iterable[int | None] | None = (),
    touched: Iterable[int | None] = (),
) -> None:
    """After a change to a few people: recompute the degrees and chains of those
    `moved` (their introductions received or main-contact mark changed, or they were
    added) and of everyone below them, and the dates of those `touched` (and of the
    moved). `moved=None`: anyone may have moved (an import that dated its new people
    as it inserted them), so degrees are recomputed for the whole network."""
    if moved is None:
        recompute_degrees(owner_id)
        refresh_dates(owner_id, touched)
        return
    ids = [pk for pk in moved if pk is not None]
    recompute_degrees(owner_id, ids)
    refresh_dates(owner_id, [*ids, *touched])


def network_changed(owner_id: int) -> None:
    """After a change made in bulk: recompute everything derived in the network."""
    recompute_degrees(owner_id)
    refresh_dates(owner_id)
    refresh_folded(owner_id)


def stale_rows(owner_id: int) -> int:
    """Recompute everything; count the rows that were not already right."""
    return (
        recompute_degrees(owner_id) + refresh_dates(owner_id) + refresh_folded(owner_id)
    )
