"""Degrees and chains of introductions.

Main contacts are degree 1. A person introduced by someone of degree d is degree d+1,
the smallest over all their introductions. The chain kept for each person is a
shortest one; when two introducers are equally close, the earliest introduction (by
date, then by when it was recorded) wins. People no chain reaches have no degree.

Cycles are refused when an introduction is added (`services.add_introduction`), but
the search below would still end on one: breadth-first search reaches each person once.
"""

from __future__ import annotations

from collections import defaultdict

from warmline.people.models import Introduction, Person

# (introducer id, introduced person id), earliest introduction first.
Edge = tuple[int, int]


def recompute_degrees(owner_id: int) -> int:
    """Recompute every degree and chain in one owner's network; count the changes."""
    people = list(
        Person.objects.filter(owner_id=owner_id)
        .order_by("id")
        .values_list("id", "is_main_contact", "degree", "chain")
    )
    edges = list(
        Introduction.objects.filter(owner_id=owner_id)
        .order_by("introduced_on", "id")
        .values_list("introducer_id", "person_id")
    )
    chains = shortest_chains([pk for pk, is_main, _, _ in people if is_main], edges)
    changed = []
    for pk, _, old_degree, old_chain in people:
        chain = chains.get(pk, [])
        degree = len(chain) or None
        if degree != old_degree or chain != old_chain:
            changed.append(Person(pk=pk, degree=degree, chain=chain))
    Person.objects.bulk_update(changed, ["degree", "chain"], batch_size=500)
    return len(changed)


def shortest_chains(
    main_contacts: list[int], edges: list[Edge]
) -> dict[int, list[int]]:
    """Map each reachable person to a shortest chain of ids from a main contact.

    Breadth-first from all main contacts at once; a person first reached at level d
    takes, among the introductions from level d-1, the one earliest in `edges`.
    """
    introduced: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for rank, (introducer_id, person_id) in enumerate(edges):
        introduced[introducer_id].append((rank, person_id))

    chains: dict[int, list[int]] = {pk: [pk] for pk in main_contacts}
    level = list(main_contacts)
    while level:
        best: dict[int, tuple[int, int]] = {}  # person -> (rank, introducer)
        for introducer_id in level:
            for rank, person_id in introduced.get(introducer_id, ()):
                if (
                    person_id not in chains
                    and rank < best.get(person_id, (rank + 1,))[0]
                ):
                    best[person_id] = (rank, introducer_id)
        for person_id, (_, introducer_id) in best.items():
            chains[person_id] = [*chains[introducer_id], person_id]
        level = list(best)
    return chains


def reaches(edges: list[Edge], start: int, target: int) -> bool:
    """Whether a chain of introductions leads from `start` to `target`."""
    introduced: dict[int, list[int]] = defaultdict(list)
    for introducer_id, person_id in edges:
        introduced[introducer_id].append(person_id)
    seen, stack = {start}, [start]
    while stack:
        current = stack.pop()
        if current == target:
            return True
        for nxt in introduced.get(current, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def ancestors(edges: list[Edge], person_id: int) -> set[int]:
    """Everyone from whom a chain of introductions leads to `person_id`."""
    introducers: dict[int, list[int]] = defaultdict(list)
    for introducer_id, introduced_id in edges:
        introducers[introduced_id].append(introducer_id)
    found: set[int] = set()
    stack = [person_id]
    while stack:
        for earlier in introducers.get(stack.pop(), ()):
            if earlier not in found:
                found.add(earlier)
                stack.append(earlier)
    return found
