"""No list's query count grows with the size of the network."""

from __future__ import annotations

import datetime as dt

import pytest

from warmline.accounts import sharing
from warmline.accounts.models import Role, User
from warmline.api.tests.conftest import ApiClient
from warmline.home.demo import load_demo
from warmline.journal.services import add_entry
from warmline.meetings.models import Meeting
from warmline.people.models import Person
from warmline.people.synthetic import build_network

pytestmark = pytest.mark.django_db

LISTS = [
    "people",
    "organizations",
    "targets",
    "introductions",
    "tags",
    "meetings",
    "follow-ups",
    "call-lists",
    "journal",
    "sharing",
]


@pytest.mark.parametrize("size", [10, 300])
def test_every_list_takes_a_bounded_number_of_queries(
    alice: User, alice_api: ApiClient, size: int, django_assert_max_num_queries
) -> None:
    load_demo(alice)
    build_network(alice, size)
    _journal_and_shares(alice, size // 10)
    for path in LISTS:
        with django_assert_max_num_queries(12):
            response = alice_api.get(path)
        assert response.status_code == 200, path
    with django_assert_max_num_queries(12):
        page = alice_api.get("people", search="a", limit=50)
    assert len(page.json()["items"]) == 50


def _journal_and_shares(owner: User, count: int) -> None:
    """`count` entries, each with tags, people and a meeting; `count` followers."""
    people = list(Person.objects.filter(owner=owner)[:3])
    meetings = list(Meeting.objects.filter(owner=owner)[:1])
    for n in range(count):
        add_entry(
            owner,
            f"Entry {n}",
            dt.date(2026, 11, 1),
            tags=[f"t{n}", "weekly"],
            people=people,
            meetings=meetings,
        )
        viewer = User.objects.create_user(f"viewer{n}")
        sharing.accept(viewer, sharing.invite(owner, Role.PARTNER)[1])
