"""Given and family names: kept as a source or the user gives them, else split from
the full name the way an address book expects."""

from __future__ import annotations

import pytest
import vobject

from warmline.accounts.models import User
from warmline.exchange import exports
from warmline.people import services
from warmline.people.names import split_name


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Sarah Johnson, PhD", ("Sarah", "Johnson")),
        ("Dr. Ana Lima \U0001f331", ("Ana", "Lima")),
        ("Jean-Luc Picard Jr.", ("Jean-Luc", "Picard")),
        ("Ravi Shankar MBA", ("Ravi", "Shankar")),
        ("Lee Park (she/her)", ("Lee", "Park")),
        ("Ana de la Cruz", ("Ana", "de la Cruz")),
        ("Madonna", ("Madonna", "")),
        ("\U0001f680\U0001f680", ("", "")),
    ],
)
def test_a_full_name_splits_without_suffix_emoji_or_comma(
    full: str, parts: tuple[str, str]
) -> None:
    assert split_name(full) == parts


@pytest.mark.django_db
def test_vcards_carry_name_parts_tags_notes_and_the_linkedin_link(
    alice: User,
) -> None:
    services.create_person(
        alice,
        "Sarah Johnson, PhD",
        tags=["health", "alumni"],
        notes="Met at the UX meetup.",
        linkedin_url="https://www.linkedin.com/in/sarahj",
    )
    services.create_person(
        alice, "Zoë van Dijk", given_name="Zoë", family_name="van Dijk"
    )
    cards = list(vobject.readComponents(exports.people_vcards(alice)))
    sarah = next(c for c in cards if c.fn.value == "Sarah Johnson, PhD")
    assert (sarah.n.value.given, sarah.n.value.family) == ("Sarah", "Johnson")
    assert sorted(sarah.categories.value) == ["alumni", "health"]
    assert sarah.note.value == "Met at the UX meetup."
    assert sarah.url.value == "https://www.linkedin.com/in/sarahj"
    zoe = next(c for c in cards if c.fn.value == "Zoë van Dijk")
    assert (zoe.n.value.given, zoe.n.value.family) == ("Zoë", "van Dijk")


@pytest.mark.django_db
def test_a_note_greets_by_the_given_name(alice: User) -> None:
    sarah = services.create_person(alice, "Dr. Sarah Johnson")
    assert sarah.first_name == "Sarah"
    named = services.create_person(
        alice, "Kim Min-jun", given_name="Min-jun", family_name="Kim"
    )
    assert named.first_name == "Min-jun"


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Ana Lima", "Ana", "Lima"),
        ("Dr Lima", "Dr", "Lima"),
        ("Sam Jr", "Sam", "Jr"),
        ("Jean-Luc Picard", "Jean-Luc", "Picard"),
        ("Zoë Nü", "Zoë", "Nü"),
    ],
)
def test_the_plain_case_agrees_with_split_name(
    name: str, given: str, family: str
) -> None:
    from warmline.people.names import splits_plainly

    if splits_plainly(name, given, family):
        assert split_name(name) == (given, family)
