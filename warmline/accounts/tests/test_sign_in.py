"""Sign-in that holds: throttling, passwords for everyone once there are two
accounts, and password-reset pages only with email configured."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client

from warmline.accounts.models import User
from warmline.accounts.services import create_user, ensure_local_owner
from warmline.accounts.tests.factories import PASSWORD, UserFactory
from warmline.cli.tests.runner import cli

pytestmark = pytest.mark.django_db

RIGHT = PASSWORD
LOGIN = "/accounts/login/"


def sign_in(client: Client, username: str, password: str) -> int:
    return client.post(LOGIN, {"username": username, "password": password}).status_code


def test_ten_wrong_passwords_lock_the_account_for_fifteen_minutes() -> None:
    UserFactory(username="carol")
    with time_machine.travel("2026-11-28 10:00", tick=False) as clock:
        for _ in range(9):
            assert sign_in(Client(), "carol", "wrong") == 200
        locked = Client().post(LOGIN, {"username": "Carol", "password": "wrong"})
        assert locked.status_code == 429
        assert locked["Retry-After"] == "900"
        assert b"Too many sign-in attempts" in locked.content
        assert b"15 minutes" in locked.content
        # The right password does not get through while the lock holds, from anywhere.
        elsewhere = Client(REMOTE_ADDR="198.51.100.7")
        assert sign_in(elsewhere, "carol", RIGHT) == 429
        clock.shift(14 * 60)
        assert sign_in(Client(), "carol", RIGHT) == 429
        clock.shift(61)
        assert sign_in(Client(), "carol", RIGHT) == 302


def test_ten_failures_from_one_address_lock_that_address_out() -> None:
    UserFactory(username="carol")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(10):
        sign_in(attacker, f"guess{n}", "wrong")
    assert sign_in(attacker, "carol", RIGHT) == 429
    # Someone else, from their own address, still signs in.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), "carol", RIGHT) == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(settings) -> None:
    settings.BEHIND_PROXY = True
    UserFactory(username="carol")
    # Through the proxy everyone arrives from 127.0.0.1; the client claims anything.
    for n in range(10):
        Client().post(
            LOGIN,
            {"username": f"guess{n}", "password": "wrong"},
            headers={"X-Forwarded-For": f"10.0.0.{n}, 203.0.113.9"},
        )
    carol = Client(headers={"X-Forwarded-For": "198.51.100.7"})
    assert sign_in(carol, "carol", RIGHT) == 302
    attacker = Client(headers={"X-Forwarded-For": "203.0.113.9"})
    assert sign_in(attacker, "carol", RIGHT) == 429


def test_a_success_clears_earlier_failures() -> None:
    UserFactory(username="carol")
    for _ in range(9):
        sign_in(Client(), "carol", "wrong")
    assert sign_in(Client(), "carol", RIGHT) == 302
    for _ in range(9):
        assert sign_in(Client(), "carol", "wrong") == 200


def test_a_second_account_needs_the_owner_to_have_a_password() -> None:
    owner = ensure_local_owner()
    assert owner is not None
    code, output = cli(
        "createuser", "bob", "--password-stdin", input="a-long-pass-42\n"
    )
    assert code == 1
    assert f"{owner.username} has no password" in output
    assert f"warmline changepassword {owner.username} --password-stdin" in output
    assert list(User.objects.values_list("username", flat=True)) == [owner.username]

    code, output = cli(
        "changepassword", owner.username, "--password-stdin", input="x\n"
    )
    assert code == 1 and "too short" in output
    code, output = cli(
        "changepassword", owner.username, "--password-stdin", input="owner-pass-2026\n"
    )
    assert code == 0 and f"Set the password of {owner.username}" in output

    code, output = cli("createuser", "bob")
    assert code == 1 and "bob needs a password" in output
    code, output = cli(
        "createuser", "bob", "--password-stdin", input="a-long-pass-42\n"
    )
    assert code == 0, output
    # Both sign in with their passwords now.
    assert sign_in(Client(), owner.username, "owner-pass-2026") == 302
    assert sign_in(Client(), "bob", "a-long-pass-42") == 302


def test_changepassword_names_an_unknown_user() -> None:
    create_user("solo")
    code, output = cli("changepassword", "nobody", "--password-stdin", input="pw\n")
    assert code == 1 and "No user named 'nobody'" in output


def test_changepassword_without_a_terminal_asks_for_stdin() -> None:
    create_user("solo")
    code, output = cli("changepassword", "solo")
    assert code == 1 and "--password-stdin" in output


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/password_reset/",
        "/accounts/password_reset/done/",
        "/accounts/reset/MQ/set-password/",
        "/accounts/reset/done/",
    ],
)
def test_password_reset_exists_only_with_email(settings, path: str) -> None:
    settings.EMAIL_CONFIGURED = False
    assert Client().get(path).status_code == 404
    assert b"Forgotten your password" not in Client().get(LOGIN).content
    settings.EMAIL_CONFIGURED = True
    assert Client().get(path).status_code in (200, 302)


def test_password_reset_sends_a_link_that_sets_a_new_password(
    settings, mailoutbox
) -> None:
    settings.EMAIL_CONFIGURED = True
    UserFactory(username="carol", email="carol@example.com")
    client = Client()
    assert b"Forgotten your password" in client.get(LOGIN).content
    sent = client.post("/accounts/password_reset/", {"email": "carol@example.com"})
    assert sent.status_code == 302
    (mail,) = mailoutbox
    link = next(w for w in mail.body.split() if "/accounts/reset/" in w)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    assert b"Set a new password" in form.content
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "brand-new-pass-99", "new_password2": "brand-new-pass-99"},
    )
    assert done.status_code == 302
    assert sign_in(Client(), "carol", "brand-new-pass-99") == 302


def test_change_password_from_the_profile() -> None:
    carol = UserFactory.create(username="carol")
    client = Client()
    client.force_login(carol)
    assert b"/accounts/password_change/" in client.get("/profile/").content
    changed = client.post(
        "/accounts/password_change/",
        {
            "old_password": RIGHT,
            "new_password1": "brand-new-pass-99",
            "new_password2": "brand-new-pass-99",
        },
    )
    assert changed.status_code == 302
    assert sign_in(Client(), "carol", "brand-new-pass-99") == 302
