"""API fixtures: a client that sends a token, for alice (owner) and bob (outsider)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from warmline.accounts.models import User
from warmline.api.services import create_token


class ApiClient:
    """Django's test client speaking JSON with a bearer token."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def call(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        send = getattr(self.client, method.lower())
        url = path if path.startswith("/") else f"/api/v1/{path}"
        if method.upper() in {"GET", "DELETE"}:
            return send(url, query or None, headers=self.headers)
        return send(
            url,
            json.dumps(body or {}),
            content_type="application/json",
            headers=self.headers,
        )

    def get(self, path: str, **query: Any) -> Any:
        return self.call("GET", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("POST", path, body)

    def patch(self, path: str, body: Any = None) -> Any:
        return self.call("PATCH", path, body)

    def delete(self, path: str) -> Any:
        return self.call("DELETE", path)


@pytest.fixture
def alice_api(alice: User) -> ApiClient:
    return ApiClient(create_token(alice, "tests", "write"))


@pytest.fixture
def alice_reader(alice: User) -> ApiClient:
    return ApiClient(create_token(alice, "reader", "read"))


@pytest.fixture
def bob_api(bob: User) -> ApiClient:
    return ApiClient(create_token(bob, "tests", "write"))


def error_of(response: Any) -> dict[str, Any]:
    """The error body, checked to have the one shape every error has."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"status", "message", "field"}, body
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]
