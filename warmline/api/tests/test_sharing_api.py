"""Sharing through the API, and what a coach's token may do with the seeker's data:
read nothing through the seeker's ids (403 where they may read it on the web, 404
where they may not), change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from warmline.accounts import sharing
from warmline.accounts.models import Role, Share, User
from warmline.api.services import create_token
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.config.tests.routes import snapshot
from warmline.journal.services import add_entry
from warmline.people.services import create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(alice: User) -> User:
    """Carol, whom alice shares her search with as coach."""
    carol = User.objects.create_user("carol", first_name="Carol")
    _, code = sharing.invite(alice, Role.COACH)
    sharing.accept(carol, code)
    return carol


def test_the_list_shows_who_follows_you_and_whom_you_follow(
    alice: User, bob: User, coach: User, alice_api: ApiClient
) -> None:
    sharing.accept(alice, sharing.invite(bob, Role.PARTNER)[1])
    rows = alice_api.get("sharing").json()
    gave, follows = Share.objects.get(viewer=coach), Share.objects.get(owner=bob)
    assert rows == sharing.shares_of(alice)
    assert [
        (r["id"], r["direction"], r["user"], r["name"], r["role"]) for r in rows
    ] == [
        (gave.pk, "follows you", "carol", "Carol", "coach"),
        (follows.pk, "you follow", "bob", sharing.display_name(bob), "partner"),
    ]


def test_an_invitation_is_made_and_accepted_once(
    alice: User, bob: User, alice_api: ApiClient, bob_api: ApiClient
) -> None:
    made = alice_api.post("sharing/invitations", {"role": "partner"})
    assert made.status_code == 201, made.content
    invitation = made.json()
    assert invitation["role"] == "partner"
    assert invitation["link"].endswith(f"/sharing/accept/{invitation['code']}/")
    assert error_of(alice_api.post("sharing/accept", invitation))["field"] == "code"
    accepted = bob_api.post("sharing/accept", {"code": invitation["code"]})
    assert accepted.status_code == 200, accepted.content
    share = Share.objects.get()
    assert (share.owner, share.viewer, share.role) == (alice, bob, "partner")
    assert accepted.json() == sharing.share_as_dict(share, bob)
    assert accepted.json()["direction"] == "you follow"
    again = bob_api.post("sharing/accept", {"code": invitation["code"]})
    assert again.status_code == 422 and "used already" in error_of(again)["message"]
    wrong = alice_api.post("sharing/invitations", {"role": "boss"})
    assert wrong.status_code == 422 and error_of(wrong)["field"] == "role"


def test_a_share_is_ended_by_either_side_and_by_nobody_else(
    alice: User, bob: User, coach: User, alice_api: ApiClient, bob_api: ApiClient
) -> None:
    share = Share.objects.get()
    assert bob_api.delete(f"sharing/{share.pk}").status_code == 404
    assert alice_api.delete(f"sharing/{share.pk}").status_code == 204
    assert not Share.objects.exists()
    followed = sharing.accept(coach, sharing.invite(alice, Role.PARTNER)[1])
    coach_api = ApiClient(create_token(coach, "coach", "write"))
    assert coach_api.delete(f"sharing/{followed.pk}").status_code == 204
    assert not Share.objects.exists()


def test_a_read_token_cannot_invite_accept_or_revoke(
    alice: User, coach: User, alice_reader: ApiClient
) -> None:
    share = Share.objects.get()
    assert alice_reader.get("sharing").status_code == 200
    for response in (
        alice_reader.post("sharing/invitations", {"role": "coach"}),
        alice_reader.post("sharing/accept", {"code": "x"}),
        alice_reader.delete(f"sharing/{share.pk}"),
    ):
        assert response.status_code == 403 and error_of(response)
    assert Share.objects.get() == share


def test_a_coachs_token_changes_nothing_of_the_seekers(
    alice: User, bob: User, coach: User
) -> None:
    person = create_person(alice, "Sam Okafor")
    shared = add_entry(alice, "Shared", dt.date(2026, 11, 2), is_shared=True)
    private = add_entry(alice, "Private", dt.date(2026, 11, 3))
    coach_api = ApiClient(create_token(coach, "coach", "write"))
    stranger = ApiClient(create_token(bob, "stranger", "write"))
    before = snapshot()
    for path in (f"people/{person.pk}", f"journal/{shared.pk}"):
        for response in (
            coach_api.patch(path, {"title": "Changed"}),
            coach_api.delete(path),
        ):
            assert response.status_code == 403, (path, response.content)
            assert "Only alice can change it" in error_of(response)["message"]
    for path in (f"journal/{private.pk}",):
        for response in (
            coach_api.get(path),
            coach_api.patch(path, {"title": "Changed"}),
            coach_api.delete(path),
        ):
            assert response.status_code == 404, (path, response.content)
    for path in (
        f"people/{person.pk}",
        f"journal/{shared.pk}",
        f"journal/{private.pk}",
    ):
        for response in (
            stranger.get(path),
            stranger.patch(path, {"title": "Changed"}),
            stranger.delete(path),
        ):
            assert response.status_code == 404, (path, response.content)
            assert error_of(response)["message"] == "Not found."
    assert snapshot() == before
