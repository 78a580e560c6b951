"""Text as search compares it: without case or accents and Unicode-normalised, so
"jose" finds José, "muller" finds Müller and "anand" finds a name LinkedIn styled in
mathematical bold letters. Kept folded in columns beside the text
(Person.folded_name and folded_title, Organization.folded_name), written by their
models' save() and by the importer's bulk inserts, so SQLite and PostgreSQL search
the same way."""

from __future__ import annotations

import unicodedata

# Letters that carry no accent to strip but are written without one by people who
# cannot type them (NFKD leaves them whole).
_PLAIN = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "\u0131": "i", "æ": "ae", "œ": "oe"}
)


def fold(text: str) -> str:
    """Lower case, accents and styling removed, blanks collapsed."""
    if text.isascii():  # most names: nothing to decompose (a large import folds 100k)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().translate(_PLAIN).split())


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def refresh_folded(owner_id: int) -> int:
    """Re-fold every name and title of one network (after bulk writes that bypass
    save()); return how many rows were not already right."""
    from warmline.people.models import Organization, Person

    people = [
        person
        for person in Person.objects.filter(owner_id=owner_id).only(
            "pk", "name", "title", "folded_name", "folded_title"
        )
        if (person.folded_name, person.folded_title)
        != (fold(person.name), fold(person.title))
    ]
    for person in people:
        person.folded_name, person.folded_title = fold(person.name), fold(person.title)
    Person.objects.bulk_update(people, ["folded_name", "folded_title"], batch_size=500)
    organizations = [
        organization
        for organization in Organization.objects.filter(owner_id=owner_id).only(
            "pk", "name", "folded_name"
        )
        if organization.folded_name != fold(organization.name)
    ]
    for organization in organizations:
        organization.folded_name = fold(organization.name)
    Organization.objects.bulk_update(organizations, ["folded_name"], batch_size=500)
    return len(people) + len(organizations)
