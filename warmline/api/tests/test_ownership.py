"""Ownership over every API operation: another user's id is a 404, for every method,
and nothing changes. The operations are read from the API's routers, so a new one
cannot be left out: one whose path takes an id needs a sample here, or this fails."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from warmline.accounts.models import User
from warmline.api.api import api
from warmline.api.tests.conftest import ApiClient
from warmline.config.tests.routes import World, build_world, snapshot
from warmline.outreach import services as outreach
from warmline.people import services as people

pytestmark = pytest.mark.django_db

# Path parameter -> the owner's object it names.
SAMPLES = {
    "person_id": "person",
    "organization_id": "organization",
    "introduction_id": "introduction",
    "meeting_id": "meeting",
    "follow_up_id": "follow_up",
    "call_list_id": "call_list",
    "entry_id": "journal_entry",
    "share_id": "share",
}


def operations() -> Iterator[tuple[str, str]]:
    """(method, path) of every operation the API has, as its routers hold them."""
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    yield method, f"{prefix}{path}".replace("//", "/")


def filled(path: str, world: World) -> str:
    def sample(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in SAMPLES, f"{path}: add a sample for {{{name}}}"
        return str(getattr(world, SAMPLES[name]).pk)

    return "/api/v1" + re.sub(r"{(\w+)}", sample, path)


def test_every_operation_refuses_another_users_ids(alice: User, bob: User) -> None:
    world = build_world(alice)
    bobs = people.create_person(bob, "Bob's friend")
    bodies: dict[str, Any] = {
        "/call-lists/{call_list_id}/people": {"person_ids": [bobs.pk]}
    }
    outsider = ApiClient(_token(bob))
    before = snapshot()
    checked = []
    for method, path in operations():
        if "{" not in path:
            continue
        response = outsider.call(method, filled(path, world), bodies.get(path, {}))
        assert response.status_code == 404, (method, path, response.content)
        assert response.json()["error"]["status"] == 404
        checked.append((method, path))
    assert snapshot() == before
    assert len(checked) >= 18, checked


def test_ids_in_a_body_are_the_users_own_too(alice: User, bob: User) -> None:
    world = build_world(alice)
    bobs_list = outreach.create_call_list(bob, "Bob's calls")
    outsider = ApiClient(_token(bob))
    before = snapshot()
    alices = world.person.pk
    for path, body in (
        ("people", {"name": "Someone", "introduced_by": alices, "new": True}),
        ("introductions", {"introducer_id": alices, "person_id": alices}),
        ("meetings", {"person_id": alices, "at": "2026-12-01T10:00:00"}),
        ("attempts", {"person_id": alices, "outcome": "no_answer"}),
        (f"call-lists/{bobs_list.pk}/people", {"person_ids": [alices]}),
        ("journal", {"title": "Mine", "person_ids": [alices]}),
        ("journal", {"title": "Mine", "meeting_ids": [world.meeting.pk]}),
    ):
        assert outsider.post(path, body).status_code == 404, path
    assert snapshot() == before


def test_reading_every_list_writes_nothing(alice: User) -> None:
    build_world(alice)
    reader = ApiClient(_token(alice, "read"))
    before = snapshot()
    read = 0
    for method, path in operations():
        if method == "GET" and "{" not in path:
            assert reader.get(path.lstrip("/")).status_code == 200, path
            read += 1
    assert snapshot() == before
    assert read >= 11


def _token(user: User, scope: str = "write") -> str:
    from warmline.api.services import create_token

    return create_token(user, f"ownership {scope}", scope)
