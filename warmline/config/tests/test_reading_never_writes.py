"""No GET request changes a row: every page is read for a user with the demo network
and more, and the database is compared before and after."""

from __future__ import annotations

import pytest
from django.test import Client

from warmline.accounts.models import User
from warmline.config.tests.routes import build_world, routes, snapshot, url_for

pytestmark = pytest.mark.django_db


def test_every_route_has_a_sample_when_it_needs_one(alice: User) -> None:
    world = build_world(alice)
    for route in routes():
        url_for(route, world)  # fails, naming the route, when a sample is missing


# Pages whose query string leads somewhere else: each is read as well.
VARIANTS = {
    "outreach:session": ["?i=999", "?i=1"],
    "outreach:follow_ups": ["?show=open", "?show=done", "?show=all"],
    "insights:insights": ["?period=4w", "?period=all"],
    "insights:report": ["?week=2026-W40", "?week=nonsense"],
    "people:list": ["?q=a&sort=degree&fan=1", "?degree=none&main=1"],
    "people:pick_hx": ["?pick_q=da"],
    "meetings:list": ["?status=held"],
    "meetings:lead_list": ["?status=heard_of"],
}


def test_no_get_request_changes_a_row(alice: User, alice_client: Client) -> None:
    world = build_world(alice)
    before = snapshot()
    statuses = {}
    for route in routes():
        base = url_for(route, world)
        for url in [base, *(base + q for q in VARIANTS.get(route.name, []))]:
            response = alice_client.get(url)
            statuses[url] = response.status_code
            assert response.status_code < 500, url
            assert snapshot() == before, f"GET {url} changed the database"
    # The walk did read pages, not only refuse them.
    assert sum(code == 200 for code in statuses.values()) > 40, statuses
