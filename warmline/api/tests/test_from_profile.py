"""Saving a LinkedIn profile from the browser: idempotent by the profile's URL, and
callable from linkedin.com with a token only."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db

PROFILE = {
    "url": "https://www.linkedin.com/in/dana-reyes/?trk=x",
    "name": "Dana Reyes",
    "headline": "UX researcher",
    "organization": "Acme Health",
}


def test_the_same_profile_twice_is_one_person_updated(
    alice: User, alice_api: ApiClient
) -> None:
    first = alice_api.post("people/from-profile", PROFILE)
    assert first.status_code == 200, first.content
    again = alice_api.post(
        "people/from-profile",
        {**PROFILE, "url": "http://linkedin.com/in/Dana-Reyes", "headline": "Lead"},
    )
    assert again.json()["id"] == first.json()["id"]
    dana = Person.objects.get(owner=alice)
    assert (dana.title, dana.organization.name, dana.source) == (  # type: ignore[union-attr]
        "Lead",
        "Acme Health",
        "linkedin",
    )


def test_an_existing_person_with_that_url_is_the_one_updated(
    alice: User, alice_api: ApiClient
) -> None:
    dana = services.create_person(
        alice, "Dana R.", linkedin_url="https://linkedin.com/in/dana-reyes/"
    )
    assert alice_api.post("people/from-profile", PROFILE).json()["id"] == dana.pk
    assert Person.objects.get().name == "Dana Reyes"


def test_an_address_not_on_linkedin_is_refused(
    alice: User, alice_api: ApiClient
) -> None:
    for url in ("https://evil.example/in/dana", "https://www.linkedin.com/"):
        response = alice_api.post("people/from-profile", {**PROFILE, "url": url})
        assert error_of(response)["field"] == "url"
    assert not Person.objects.exists()


def test_linkedin_may_call_it_with_a_token_and_no_cookies(
    alice: User, alice_api: ApiClient
) -> None:
    origin = {"Origin": "https://www.linkedin.com"}
    preflight = alice_api.client.options(
        "/api/v1/people/from-profile",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "https://www.linkedin.com"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight
    saved = alice_api.client.post(
        "/api/v1/people/from-profile",
        PROFILE,
        content_type="application/json",
        headers={**alice_api.headers, **origin},
    )
    assert saved["Access-Control-Allow-Origin"] == "https://www.linkedin.com"
    elsewhere = alice_api.client.options(
        "/api/v1/people/from-profile", headers={"Origin": "https://evil.example"}
    )
    assert "Access-Control-Allow-Origin" not in elsewhere
    people = alice_api.client.options("/api/v1/people", headers=origin)
    assert "Access-Control-Allow-Origin" not in people
