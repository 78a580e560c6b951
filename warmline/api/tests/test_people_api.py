"""People through the API: list with filters and cursors, read, add, change,
remove, and the shape every person has."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.people import services
from warmline.people.models import Person
from warmline.people.queries import PersonDict, person_as_dict

pytestmark = pytest.mark.django_db


def test_a_person_carries_every_field_of_the_clis_json(
    alice: User, alice_api: ApiClient
) -> None:
    friend = services.create_person(alice, "Sam Okafor", is_main_contact=True)
    dana = services.create_person(
        alice,
        "Dana Reyes",
        introduced_by=friend,
        organization="Acme",
        emails=["d@x.org"],
    )
    response = alice_api.get(f"people/{dana.pk}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == set(PersonDict.__annotations__)
    assert body == person_as_dict(dana)
    assert body["chain"] == ["Sam Okafor", "Dana Reyes"]
    assert body["degree"] == 2 and body["introduced_by"] == "Sam Okafor"


def test_the_list_filters_and_pages_with_a_cursor(
    alice: User, alice_api: ApiClient
) -> None:
    acme = services.get_or_create_organization(alice, "Acme")
    for n in range(7):
        services.create_person(
            alice,
            f"Person {n}",
            organization="Acme" if n % 2 else "",
            tags=["x"] if n < 3 else [],
        )
    seen: list[str] = []
    cursor = None
    while True:
        query = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = alice_api.get("people", **query).json()
        seen += [p["name"] for p in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Person {n}" for n in range(7)]
    assert acme is not None
    by_org = alice_api.get("people", organization=acme.pk).json()["items"]
    assert [p["name"] for p in by_org] == ["Person 1", "Person 3", "Person 5"]
    tagged = alice_api.get("people", tag="x").json()["items"]
    assert len(tagged) == 3
    found = alice_api.get("people", search="person 4").json()["items"]
    assert [p["name"] for p in found] == ["Person 4"]
    assert alice_api.get("people", degree="none").json()["items"][0]["degree"] is None


def test_a_bad_cursor_or_degree_is_a_422_naming_the_field(alice_api: ApiClient) -> None:
    assert error_of(alice_api.get("people", cursor="nonsense!"))["field"] == "cursor"
    assert error_of(alice_api.get("people", degree="7"))["field"] == "degree"


def test_adding_a_referral_chains_it_and_a_likely_duplicate_is_a_409(
    alice: User, alice_api: ApiClient
) -> None:
    sam = alice_api.post("people", {"name": "Sam Okafor", "is_main_contact": True})
    assert sam.status_code == 201
    dana = alice_api.post(
        "people", {"name": "Dana Reyes", "introduced_by": sam.json()["id"]}
    )
    assert dana.status_code == 201
    assert dana.json()["degree"] == 2
    again = alice_api.post("people", {"name": "Dana Reyes"})
    assert again.status_code == 409
    assert "Dana Reyes" in error_of(again)["message"]
    assert Person.objects.filter(owner=alice, name="Dana Reyes").count() == 1
    forced = alice_api.post("people", {"name": "Dana Reyes", "new": True})
    assert forced.status_code == 201
    assert Person.objects.filter(owner=alice, name="Dana Reyes").count() == 2


def test_bad_input_is_a_422_with_the_field_and_writes_nothing(
    alice: User, alice_api: ApiClient
) -> None:
    response = alice_api.post("people", {"name": "Dana", "emails": ["not an email"]})
    assert response.status_code == 422
    assert (
        "emails" in (error_of(response)["field"] or "")
        or "email" in error_of(response)["message"].lower()
    )
    missing = alice_api.post("people", {"title": "No name"})
    assert error_of(missing)["field"] == "name"
    assert not Person.objects.filter(owner=alice).exists()


def test_changing_and_removing_a_person(alice: User, alice_api: ApiClient) -> None:
    sam = services.create_person(alice, "Sam", is_main_contact=True)
    dana = services.create_person(alice, "Dana", tags=["old"])
    changed = alice_api.patch(
        f"people/{dana.pk}",
        {"title": "Researcher", "tags": ["new"], "introduced_by": sam.pk},
    )
    assert changed.status_code == 200
    body = changed.json()
    assert (body["title"], body["tags"], body["degree"]) == ("Researcher", ["new"], 2)
    assert (
        alice_api.patch(f"people/{dana.pk}", {"introduced_by": None}).json()["degree"]
        is None
    )
    assert (
        error_of(alice_api.patch(f"people/{dana.pk}", {"name": None}))["field"]
        == "name"
    )
    assert alice_api.delete(f"people/{dana.pk}").status_code == 204
    assert not Person.objects.filter(pk=dana.pk).exists()
    assert alice_api.get(f"people/{dana.pk}").status_code == 404
