"""Search that finds people: without case or accents, Unicode-normalised, over name,
organization, title, email and phone digits, the same on SQLite and PostgreSQL; the
picker puts names that start with the query first."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.people import services
from warmline.people.models import Person
from warmline.people.queries import PeopleFilter, search_people
from warmline.people.search import fold

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(alice: User) -> None:
    services.create_person(alice, "José García", organization="Universidad de Málaga")
    services.create_person(
        alice, "Jürgen Müller", title="Forscher", emails=["j.mueller@example.de"]
    )
    services.create_person(alice, "Ravi Shankar", phones=["+1 503 555 0142"])
    services.create_person(alice, "Dana Reyes", title="Gravity Researcher")
    services.create_person(
        alice, "Søren Kierkegaard", organization="Københavns Kommune"
    )


def found(owner: User, q: str) -> list[str]:
    return sorted(p.name for p in search_people(owner, PeopleFilter(q=q)))


@pytest.mark.parametrize(
    ("q", "names"),
    [
        ("jose", ["José García"]),
        ("GARCIA", ["José García"]),
        ("muller", ["Jürgen Müller"]),
        ("jurgen m", ["Jürgen Müller"]),
        ("soren", ["Søren Kierkegaard"]),
        ("malaga", ["José García"]),  # organization
        ("kobenhavn", ["Søren Kierkegaard"]),
        ("forscher", ["Jürgen Müller"]),  # title
        ("mueller@", ["Jürgen Müller"]),  # email
        ("503 555", ["Ravi Shankar"]),  # phone digits, spaced as people type them
        ("(503) 555-0142", ["Ravi Shankar"]),
        ("ravi", ["Dana Reyes", "Ravi Shankar"]),  # "Gravity" has it too
    ],
)
def test_search_ignores_case_and_accents(
    alice: User, network: None, q: str, names: list[str]
) -> None:
    assert found(alice, q) == names


def test_styled_letters_from_linkedin_are_found_by_their_plain_spelling(
    alice: User,
) -> None:
    styled = "\U0001d400\U0001d427\U0001d41a\U0001d427\U0001d41d Rao"  # bold "Anand"
    services.create_person(alice, styled)
    assert found(alice, "anand") == [styled]
    assert fold(styled) == "anand rao"


def test_imported_people_are_found_the_same_way(alice: User) -> None:
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "José,Núñez,,,Café Ñandú,Diseñadora,\n"
    ).encode()
    import_rows(alice, read("linkedin", data, "c.csv"), source="linkedin")
    assert found(alice, "nunez") == ["José Núñez"]
    assert found(alice, "cafe nandu") == ["José Núñez"]
    assert found(alice, "disenadora") == ["José Núñez"]


def test_the_picker_ranks_names_that_start_with_the_query_first(
    alice: User, network: None, alice_client: Client
) -> None:
    page = alice_client.get(reverse("people:pick_hx"), {"pick_q": "ravi"})
    names = [p.name for p in page.context["matches"]]
    assert names == ["Ravi Shankar", "Dana Reyes"]


def test_the_cli_searches_the_same_way(alice: User, network: None) -> None:
    rows = cli_json("people", "list", "--search", "muller")
    assert [row["name"] for row in rows] == ["Jürgen Müller"]


def test_renaming_an_organization_is_found_by_its_new_name(
    alice: User, network: None
) -> None:
    dana = services.create_person(alice, "Ana Lima", organization="Acme")
    organization = dana.organization
    assert organization is not None
    organization.name = "Ñu Labs"
    services.save_organization(organization)
    assert found(alice, "nu labs") == ["Ana Lima"]


def test_adding_a_name_already_there_asks_same_person(
    alice: User, network: None, alice_client: Client
) -> None:
    before = Person.objects.count()
    form = {"name": "jose garcia", "organization": "Málaga CF"}
    page = alice_client.post(reverse("people:add"), form)
    assert page.status_code == 200
    assert page.context["candidates"][0].name == "José García"
    assert "Is jose garcia someone already in your network?" in page.content.decode()
    assert Person.objects.count() == before
    added = alice_client.post(reverse("people:add"), {**form, "new": "1"})
    assert added.status_code == 302
    assert Person.objects.count() == before + 1


def test_the_cli_refuses_a_likely_duplicate_unless_new(
    alice: User, network: None
) -> None:
    jurgen = Person.objects.get(name="Jürgen Müller")
    code, output = cli("people", "add", "Juergen Mueller")
    assert code == 1
    assert f"Jürgen Müller (#{jurgen.pk})" in output
    assert "--new" in output
    code, output = cli("people", "add", "Ana Lima", "--email", "j.mueller@example.de")
    assert code == 1 and f"#{jurgen.pk}" in output  # the same email
    code, output = cli("people", "add", "Juergen Mueller", "--new")
    assert code == 0, output
    assert Person.objects.filter(name="Juergen Mueller").exists()
