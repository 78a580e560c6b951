"""People services: contact details, organizations, tags, and the demo network."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.people import demo, services
from warmline.people.matching import organization_key
from warmline.people.models import Introduction, Organization, Person, Tag
from warmline.people.phones import format_phone, normalize_phone

pytestmark = pytest.mark.django_db


def test_phone_numbers_are_stored_in_e164() -> None:
    assert normalize_phone("(503) 555-0101") == "+15035550101"
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"
    assert format_phone("+15035550101") == "+1 503-555-0101"


@pytest.mark.parametrize("name", ["Acme, Inc.", "ACME Inc", "acme", "Acme Corporation"])
def test_organization_names_match_ignoring_case_and_legal_suffix(name: str) -> None:
    assert organization_key(name) == "acme"


def test_an_organization_called_only_a_suffix_keeps_its_name() -> None:
    assert organization_key("Company") == "company"


def test_create_person_with_contact_details_and_tags(alice: User) -> None:
    person = services.create_person(
        alice,
        "  Dana Reyes ",
        organization="Acme, Inc.",
        emails=["dana@example.com", "DANA@example.com", "d.reyes@work.example"],
        phones=["(503) 555-0101"],
        tags=["Friend", "friend", "alumni"],
    )
    assert person.name == "Dana Reyes"
    assert person.organization is not None and person.organization.name == "Acme, Inc."
    assert [e.address for e in person.emails.all()] == [
        "dana@example.com",
        "d.reyes@work.example",
    ]
    assert [p.number for p in person.phones.all()] == ["+15035550101"]
    assert sorted(t.name for t in person.tags.all()) == ["Friend", "alumni"]


def test_people_at_the_same_organization_share_one_row(alice: User) -> None:
    a = services.create_person(alice, "A", organization="Acme, Inc.")
    b = services.create_person(alice, "B", organization="ACME Inc")
    assert a.organization_id == b.organization_id
    assert Organization.objects.filter(owner=alice).count() == 1


def test_invalid_contact_details_are_refused_and_nothing_is_saved(alice: User) -> None:
    with pytest.raises(ValidationError, match="not a possible phone number"):
        services.create_person(alice, "Dana", phones=["12"])
    with pytest.raises(ValidationError, match="not an email address"):
        services.create_person(alice, "Dana", emails=["dana-at-example"])
    with pytest.raises(ValidationError, match="needs a name"):
        services.create_person(alice, "   ")
    assert Person.objects.count() == 0


def test_update_person_replaces_emails_but_keeps_labels_of_those_kept(
    alice: User,
) -> None:
    person = services.create_person(alice, "Dana", emails=["a@example.com"])
    person.emails.update(label="work")
    services.update_person(person, emails=["a@example.com", "b@example.com"])
    assert [(e.address, e.label) for e in person.emails.all()] == [
        ("a@example.com", "work"),
        ("b@example.com", ""),
    ]
    services.update_person(person, emails=["b@example.com"])
    assert [e.address for e in person.emails.all()] == ["b@example.com"]


def test_update_person_leaves_fields_it_is_not_given(alice: User) -> None:
    person = services.create_person(alice, "Dana", title="Teacher", organization="Acme")
    services.update_person(person, notes="Coffee next week")
    person.refresh_from_db()
    assert (person.title, person.organization.name, person.notes) == (  # type: ignore[union-attr]
        "Teacher",
        "Acme",
        "Coffee next week",
    )


def test_unknown_fields_are_a_programming_error(alice: User) -> None:
    with pytest.raises(TypeError, match="favourite_colour"):
        services.create_person(alice, "Dana", favourite_colour="blue")


def test_a_second_organization_with_the_same_name_is_refused(alice: User) -> None:
    services.save_organization(Organization(owner=alice, name="Acme"))
    with pytest.raises(ValidationError, match="already have"):
        services.save_organization(Organization(owner=alice, name="ACME, Inc."))


def test_demo_network_spans_degrees_one_to_four(alice: User) -> None:
    count = demo.load_demo_network(alice)
    people = Person.objects.filter(owner=alice)
    assert count == people.count() >= 40
    degrees = set(people.values_list("degree", flat=True))
    assert {1, 2, 3, 4} <= degrees
    assert max(d for d in degrees if d) == 4
    assert None in degrees  # and some not connected yet
    assert Organization.objects.filter(owner=alice).count() >= 10
    assert Tag.objects.filter(owner=alice).exists()


def test_demo_network_refuses_to_load_twice(alice: User) -> None:
    demo.load_demo_network(alice)
    with pytest.raises(ValidationError, match="already loaded"):
        demo.load_demo_network(alice)


def test_removing_the_demo_keeps_the_users_own_data(alice: User) -> None:
    mine = services.create_person(
        alice, "My Friend", is_main_contact=True, organization="Nike", tags=["friend"]
    )
    demo.load_demo_network(alice)
    demo_friend = Person.objects.get(owner=alice, name="Dana Reyes")
    services.add_introduction(demo_friend, mine)
    removed = demo.remove_demo_network(alice)
    assert removed >= 40
    assert list(Person.objects.filter(owner=alice).values_list("name", flat=True)) == [
        "My Friend"
    ]
    # The organization and tag the user's own person uses stay, demo-only ones go.
    assert list(
        Organization.objects.filter(owner=alice).values_list("name", flat=True)
    ) == ["Nike"]
    assert list(Tag.objects.filter(owner=alice).values_list("name", flat=True)) == [
        "friend"
    ]
    assert Introduction.objects.filter(owner=alice).count() == 0
    assert Person.objects.get(pk=mine.pk).degree == 1


def test_demo_belongs_to_one_user_only(alice: User, bob: User) -> None:
    demo.load_demo_network(alice)
    assert not Person.objects.filter(owner=bob).exists()
    assert not demo.has_demo_network(bob)
