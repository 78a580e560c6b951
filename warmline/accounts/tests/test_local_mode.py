"""Local single-user mode and logging in."""

from __future__ import annotations

import pytest
from django.test import Client

from warmline.accounts.models import User
from warmline.accounts.services import create_user, ensure_local_owner, local_owner_name
from warmline.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_mode(settings) -> None:
    settings.LOCAL_MODE = True


def test_local_mode_signs_in_the_only_user(local_mode: None, alice: User) -> None:
    response = Client().get("/")
    assert response.status_code == 200
    assert response.wsgi_request.user == alice
    # Signed in by being at this machine: there is nothing to sign out of.
    assert b"Sign out" not in response.content


@pytest.mark.parametrize("header", ["Forwarded", "X-Forwarded-For", "X-Real-IP"])
def test_local_mode_is_not_for_requests_through_a_proxy(
    local_mode: None, alice: User, header: str
) -> None:
    """A proxy on this machine connects from 127.0.0.1 for someone elsewhere."""
    response = Client().get("/", headers={header: "for=203.0.113.9"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_reading_in_local_mode_stores_no_session(local_mode: None, alice: User) -> None:
    """A browser without cookies, a script or a calendar client reading pages adds
    no session rows and no log-in times."""
    from django.contrib.sessions.models import Session

    for _ in range(3):
        assert Client().get("/people/").status_code == 200
    alice.refresh_from_db()
    assert Session.objects.count() == 0 and alice.last_login is None


def test_local_mode_posts_work_without_a_session(local_mode: None, alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/profile/")
    token = client.cookies["csrftoken"].value
    page = client.post(
        "/profile/",
        {"csrfmiddlewaretoken": token, "first_name": "Alice", "last_name": "Ng"},
        follow=True,
    )
    assert "Saved your profile." in page.content.decode()
    alice.refresh_from_db()
    assert alice.first_name == "Alice"


def test_local_mode_stops_as_soon_as_a_second_user_exists(
    local_mode: None, alice: User, bob: User
) -> None:
    response = Client().get("/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_local_mode_is_only_for_requests_from_this_machine(
    local_mode: None, alice: User
) -> None:
    response = Client(REMOTE_ADDR="192.0.2.10").get("/")
    assert response.status_code == 302


def test_without_local_mode_everyone_logs_in(alice: User) -> None:
    assert Client().get("/").status_code == 302


def test_sign_in_with_a_password_then_sign_out(db: None) -> None:
    UserFactory(username="carol")
    client = Client()
    page = client.get("/accounts/login/")
    assert b"Sign in" in page.content
    wrong = client.post("/accounts/login/", {"username": "carol", "password": "nope"})
    assert (
        wrong.status_code == 200 and b"correct username and password" in wrong.content
    )
    right = client.post(
        "/accounts/login/",
        {"username": "carol", "password": "correct horse battery staple"},
    )
    assert right.status_code == 302 and right["Location"] == "/"
    today = client.get("/")
    assert today.status_code == 200 and b"Sign out carol" in today.content
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_ensure_local_owner_creates_one_user_once(db: None) -> None:
    first = ensure_local_owner()
    assert first is not None and first.username == local_owner_name()
    assert not first.has_usable_password()
    assert ensure_local_owner() == first
    first.set_password("a-long-passphrase-42")
    first.save()
    create_user("second", password="another-long-passphrase-7")
    assert ensure_local_owner() is None
    assert User.objects.count() == 2
