"""When two names are likely one person: the one rule behind "same person?" when a
name is added by hand, from a meeting's outcome, and on the duplicates page.

Names are compared folded (people/search.py: no case, no accents) with rapidfuzz's
token_sort_ratio, so "José García" and "jose  GARCIA" are one name and
"Garcia, José" another spelling of it."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from warmline.people.models import EmailAddress, Person
from warmline.people.search import fold

SAME_NAME_SCORE = 88  # token_sort_ratio (0-100) from which names are likely one person


def name_score(first_folded: str, second_folded: str) -> float:
    """How alike two folded names are, 0 to 100 (word order and commas aside)."""
    return fuzz.token_sort_ratio(
        first_folded.replace(",", " "), second_folded.replace(",", " ")
    )


def same_person_candidates(
    owner_id: int, name: str, *, email: str = "", limit: int = 3
) -> list[Person]:
    """People already in the network who may be this one: the same email, else the
    closest names, best first."""
    people = Person.objects.filter(owner_id=owner_id).select_related("organization")
    if email.strip():
        by_email = EmailAddress.objects.filter(
            person__owner_id=owner_id, address__iexact=email.strip()
        ).values("person_id")
        if same_email := list(people.filter(pk__in=by_email)):
            return same_email
    folded = fold(name)
    if not folded:
        return []
    matches = process.extract(
        folded,
        dict(people.values_list("id", "folded_name")),
        scorer=lambda a, b, **_: name_score(a, b),
        score_cutoff=SAME_NAME_SCORE,
        limit=limit,
    )
    by_id = people.in_bulk([key for _, _, key in matches])
    return [by_id[key] for _, _, key in matches]
