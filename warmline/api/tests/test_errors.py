"""What the API answers when something is wrong: one shape, the right status, and
nothing written."""

from __future__ import annotations

import pytest
from django.test import Client

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.people import services
from warmline.people.models import Introduction, Person

pytestmark = pytest.mark.django_db


def test_no_token_or_a_wrong_one_is_a_401(alice: User) -> None:
    for client in (ApiClient(None), ApiClient("wl_not-a-real-token")):
        response = client.get("people")
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Bearer"
        error_of(response)
        assert client.post("people", {"name": "Dana"}).status_code == 401
    assert not Person.objects.exists()


def test_a_revoked_token_stops_working(alice: User) -> None:
    from warmline.api.services import create_token, revoke_token

    client = ApiClient(create_token(alice, "laptop", "read"))
    assert client.get("people").status_code == 200
    revoke_token(alice, "laptop")
    assert client.get("people").status_code == 401


def test_a_read_token_reads_but_cannot_write(
    alice: User, alice_reader: ApiClient
) -> None:
    dana = services.create_person(alice, "Dana")
    assert alice_reader.get(f"people/{dana.pk}").status_code == 200
    for response in (
        alice_reader.post("people", {"name": "Sam"}),
        alice_reader.patch(f"people/{dana.pk}", {"title": "x"}),
        alice_reader.delete(f"people/{dana.pk}"),
    ):
        assert response.status_code == 403
        assert "read" in error_of(response)["message"]
    assert list(Person.objects.values_list("name", "title")) == [("Dana", "")]


def test_an_introduction_that_closes_a_circle_is_a_409(
    alice: User, alice_api: ApiClient
) -> None:
    sam = services.create_person(alice, "Sam", is_main_contact=True)
    dana = services.create_person(alice, "Dana", introduced_by=sam)
    response = alice_api.post(
        "introductions", {"introducer_id": dana.pk, "person_id": sam.pk}
    )
    assert response.status_code == 409
    assert "circle" in error_of(response)["message"]
    assert Introduction.objects.count() == 1


def test_past_the_rate_a_token_gets_429_with_retry_after(
    alice_api: ApiClient, settings: object
) -> None:
    settings.API_RATE = 3  # type: ignore[attr-defined]
    codes = [alice_api.get("tags").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = alice_api.get("tags")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert error_of(response)["status"] == 429


def test_the_session_works_for_same_origin_javascript_with_csrf(
    alice: User,
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.get("/api/v1/people").status_code == 200
    refused = client.post(
        "/api/v1/people", {"name": "Dana"}, content_type="application/json"
    )
    assert refused.status_code == 403
    error_of(refused)
    client.get("/profile/")
    token = client.cookies["csrftoken"].value
    added = client.post(
        "/api/v1/people",
        {"name": "Dana"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert added.status_code == 201


def test_bad_json_and_wrong_types_are_422s(alice_api: ApiClient) -> None:
    response = alice_api.client.post(
        "/api/v1/people",
        "{not json",
        content_type="application/json",
        headers=alice_api.headers,
    )
    assert response.status_code in (400, 422)
    error_of(response)
    wrong = alice_api.post("meetings", {"person_id": "x", "at": "soon"})
    assert wrong.status_code == 422
    assert error_of(wrong)["field"] in {"person_id", "at"}
    nul = alice_api.post("people", {"name": "Da\u0000na"})
    assert error_of(nul)["field"] == "name"
