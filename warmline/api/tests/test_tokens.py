"""Tokens: made, listed and revoked from the command line and the profile's token
page; kept only as a hash; shown once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner, Result

from warmline.accounts.models import User
from warmline.api.models import Token
from warmline.api.services import digest_of
from warmline.api.tests.conftest import ApiClient
from warmline.cli import app
from warmline.cli.tests.runner import cli, cli_json

runner = CliRunner()


def run(*args: str) -> Result:
    """A command's result, its stdout apart from its stderr."""
    try:
        return runner.invoke(app, list(args))
    finally:
        timezone.deactivate()


pytestmark = pytest.mark.django_db


def test_the_cli_prints_the_token_alone_and_keeps_only_its_hash(alice: User) -> None:
    made = run("token", "create", "laptop", "--scope", "write")
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip()
    assert made.stdout == secret + "\n"
    token = Token.objects.get(owner=alice)
    assert token.digest == digest_of(secret) and secret not in token.digest
    assert secret.startswith(token.prefix) and len(token.prefix) < 12
    assert ApiClient(secret).post("people", {"name": "Dana"}).status_code == 201
    listed = cli_json("token", "list", "--json")
    assert [(r["name"], r["scope"], r["prefix"]) for r in listed] == [
        ("laptop", "write", token.prefix)
    ]
    assert secret not in cli("token", "list")[1]
    assert cli("token", "revoke", "laptop")[0] == 0
    assert ApiClient(secret).get("people").status_code == 401
    assert not Token.objects.exists()


def test_the_cli_refuses_a_bad_scope_or_a_second_name(alice: User) -> None:
    assert cli("token", "create", "x", "--scope", "admin")[0] == 1
    assert cli("token", "create", "x")[0] == 0
    code, output = cli("token", "create", "X")
    assert code == 1 and "already" in output
    assert cli("token", "revoke", "nope")[0] == 1
    assert Token.objects.count() == 1


def test_the_token_page_makes_shows_once_and_revokes(
    alice: User, alice_client: Client, bob_client: Client
) -> None:
    page = alice_client.get("/profile/tokens/")
    assert page.status_code == 200
    assert "/profile/tokens/" in alice_client.get("/profile/").content.decode()
    made = alice_client.post(
        "/profile/tokens/new/", {"name": "bookmarklet", "scope": "write"}
    )
    html = made.content.decode()
    token = Token.objects.get(owner=alice)
    secret = html.split('id="new-token">')[1].split("<")[0]
    assert token.digest == digest_of(secret)
    assert "Save to Warmline" in html and "people/from-profile" in html
    assert secret not in alice_client.get("/profile/tokens/").content.decode()
    assert bob_client.post(f"/profile/tokens/{token.pk}/revoke/").status_code == 404
    alice_client.post(f"/profile/tokens/{token.pk}/revoke/")
    assert not Token.objects.exists()


def test_a_bad_name_on_the_page_is_refused(alice_client: Client) -> None:
    response = alice_client.post("/profile/tokens/new/", {"name": " ", "scope": "read"})
    assert response.status_code == 400
    assert not Token.objects.exists()
