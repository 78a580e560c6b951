"""No list's query count grows with the size of the network."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient
from warmline.home.demo import load_demo
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
]


@pytest.mark.parametrize("size", [10, 300])
def test_every_list_takes_a_bounded_number_of_queries(
    alice: User, alice_api: ApiClient, size: int, django_assert_max_num_queries
) -> None:
    load_demo(alice)
    build_network(alice, size)
    for path in LISTS:
        with django_assert_max_num_queries(12):
            response = alice_api.get(path)
        assert response.status_code == 200, path
    with django_assert_max_num_queries(12):
        page = alice_api.get("people", search="a", limit=50)
    assert len(page.json()["items"]) == 50
