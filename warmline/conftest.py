"""Fixtures for every app's tests: alice (owner), bob (outsider), the browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from warmline.accounts.models import User
from warmline.accounts.tests.factories import UserFactory
from warmline.people.derived import stale_rows

# Playwright runs an event loop in the test thread; the ORM calls in browser tests
# are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"browser tests need Chromium at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def keeps_to_the_content_security_policy(
    request: pytest.FixtureRequest,
) -> Iterator[None]:
    """Every page a browser test opens keeps to the Content-Security-Policy (no
    inline script or style): Chromium reports each violation on the console, and any
    one fails the test."""
    if "browser" not in request.keywords or "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    violations: list[str] = []

    def note(message: Any) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", note)
    yield
    assert not violations, "\n".join(violations)


@pytest.fixture(autouse=True)
def derived_fields_stay_right(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every database test, what services derive (degrees, chains, join and
    first-help dates) is already right: recomputing it changes nothing. This catches
    a code path that changes introductions, leads or outcomes and forgets to refresh.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if transactional or (marker is None and "db" not in request.fixturenames):
        yield
        return
    request.getfixturevalue("db")
    yield
    stale = {
        owner: changed
        for owner in User.objects.values_list("pk", flat=True)
        if (changed := stale_rows(owner))
    }
    assert not stale, f"derived fields were stale (owner: rows changed): {stale}"


@pytest.fixture(autouse=True)
def own_media_root(settings: Any, tmp_path: Path) -> None:
    """Each test keeps uploaded files (resumes) apart: a backup test counts them."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def alice(db: None) -> User:
    return UserFactory.create(username="alice")


@pytest.fixture
def bob(db: None) -> User:
    return UserFactory.create(username="bob")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    client = Client()
    client.force_login(bob)
    return client
