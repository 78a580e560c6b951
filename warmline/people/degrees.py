"""Degrees and chains of introductions.

Main contacts are degree 1. A person introduced by someone of degree d is degree d+1,
the smallest over all their introductions. The chain kept for each person is a
shortest one; when two introducers are equally close, the earliest introduction (by
date, then by when it was recorded) wins. People no chain reaches have no degree.

A change can only move the people it touches and those below them, so services
recompute just those, starting from the stored chains of their other introducers;
bulk changes recompute the whole network. The test suite checks after every test that
a whole recompute finds nothing left to do.

Cycles are refused when an introduction is added (`services.add_introduction`), but
the search below would still end on one: breadth-first search reaches each person once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from warmline.people.models import Introduction, Person

# (introducer id, introduced person id), earliest introduction first.
Edge = tuple[int, int]


# Past this many people concerned by a change (below it, for degrees; touched, for
# dates), doing the whole network is as quick, and keeps IN lists short.
WHOLE_NETWORK_ABOVE = 5_000


def recompute_degrees(owner_id: int, changed: Iterable[int] | None = None) -> int:
    """Recompute degrees and chains in one owner's network; count the rows changed.

    `changed`: the people whose own introductions (received) or main-contact mark
    changed, or who were added. Only they and the people below them can move, so
    only those are recomputed, from the stored chains of their other introducers.
    Without it, the whole network is (after a change made in bulk).
    """
    people = Person.objects.filter(owner_id=owner_id)
    introductions = Introduction.objects.filter(owner_id=owner_id)
    within: set[int] | None = None
    fixed: dict[int, list[int]] = {}
    if changed is not None:
        starts = set(changed)
        below = linked(owner_id, starts, limit=WHOLE_NETWORK_ABOVE)
        within = None if below is None else starts | below
    if within is not None:
        if not within:
            return 0
        # Only the introductions into these people matter: a person's chain comes
        # from an introducer, and ties are broken among the same person's ones.
        introductions = introductions.filter(person_id__in=within)
    edges = list(
        introductions.order_by("introduced_on", "id").values_list(
            "introducer_id", "person_id"
        )
    )
    if within is not None:
        boundary = {a for a, _ in edges if a not in within}
        fixed = dict(
            people.filter(pk__in=boundary, degree__isnull=False).values_list(
                "pk", "chain"
            )
        )
        people = people.filter(pk__in=within)
    rows = list(
        people.order_by("id").values_list("id", "is_main_contact", "degree", "chain")
    )
    chains = shortest_chains(
        [pk for pk, is_main, _, _ in rows if is_main], edges, fixed=fixed, within=within
    )
    updated = []
    for pk, _, old_degree, old_chain in rows:
        chain = chains.get(pk, [])
        degree = len(chain) or None
        if degree != old_degree or chain != old_chain:
            updated.append(Person(pk=pk, degree=degree, chain=chain))
    Person.objects.bulk_update(updated, ["degree", "chain"], batch_size=500)
    return len(updated)


def shortest_chains(
    main_contacts: list[int],
    edges: list[Edge],
    *,
    fixed: dict[int, list[int]] | None = None,
    within: set[int] | None = None,
) -> dict[int, list[int]]:
    """Map each reachable person to a shortest chain of ids from a main contact.

    Breadth-first from all main contacts at once; a person first reached at level d
    takes, among the introductions from level d-1, the one earliest in `edges`.
    With `within`, only those people get chains; `fixed` holds the known chains of
    people outside it, who enter the search at their own level.
    """
    introduced: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for rank, (introducer_id, person_id) in enumerate(edges):
        introduced[introducer_id].append((rank, person_id))

    chains: dict[int, list[int]] = {pk: [pk] for pk in main_contacts}
    waiting: dict[int, list[int]] = defaultdict(list)  # level -> fixed people
    for pk, chain in (fixed or {}).items():
        waiting[len(chain)].append(pk)
    known = {**(fixed or {}), **chains}
    level, depth = list(main_contacts), 1
    while level or any(d >= depth for d in waiting):
        best: dict[int, tuple[int, int]] = {}  # person -> (rank, introducer)
        for introducer_id in [*level, *waiting.pop(depth, [])]:
            for rank, person_id in introduced.get(introducer_id, ()):
                if (
                    person_id not in known
                    and (within is None or person_id in within)
                    and rank < best.get(person_id, (rank + 1,))[0]
                ):
                    best[person_id] = (rank, introducer_id)
        for person_id, (_, introducer_id) in best.items():
            known[person_id] = chains[person_id] = [*known[introducer_id], person_id]
        level, depth = list(best), depth + 1
    return chains


def linked(
    owner_id: int, starts: Iterable[int], *, upward: bool = False, limit: int = 0
) -> set[int] | None:
    """Everyone below `starts` (above them, `upward`), walked in the database a level
    at a time, reading only the introductions on the way; None past `limit` people."""
    source, target = ("person", "introducer") if upward else ("introducer", "person")
    introductions = Introduction.objects.filter(owner_id=owner_id)
    found: set[int] = set()
    level = list(set(starts))
    while level:
        reached: set[int] = set()
        for start in range(0, len(level), 500):
            reached.update(
                introductions.filter(
                    **{f"{source}_id__in": level[start : start + 500]}
                ).values_list(f"{target}_id", flat=True)
            )
        level = list(reached - found)
        found |= reached
        if limit and len(found) > limit:
            return None
    return found


def reaches(edges: list[Edge], start: int, target: int) -> bool:
    """Whether a chain of introductions leads from `start` to `target`."""
    return start == target or target in _walk(edges, [start])


def _walk(edges: list[Edge], starts: Iterable[int]) -> set[int]:
    following: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        following[a].append(b)
    found: set[int] = set()
    stack = list(starts)
    while stack:
        for nxt in following.get(stack.pop(), ()):
            if nxt not in found:
                found.add(nxt)
                stack.append(nxt)
    return found
