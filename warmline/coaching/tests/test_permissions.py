"""The permissions matrix: owner, coach, partner and stranger, every route from the
URL resolver, GET and POST.

The seeker (alice) shares with a coach and a partner. Every route that names one of
her objects is asked by each of them, and every page of her shared search too. The
owner may do anything; a coach reads her shared search and is refused (403) on her
own pages' objects, or told nothing (404) where the object is private; a partner
reads the numbers and reports only; a stranger learns nothing (404). Nobody but the
owner changes a row.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts import sharing
from warmline.accounts.models import Role, User
from warmline.config.tests.routes import (
    Route,
    World,
    build_world,
    routes,
    snapshot,
    url_for,
)
from warmline.config.tests.test_ownership import NOT_AN_OBJECT

pytestmark = pytest.mark.django_db

# The shared search's pages, and which role reads each (accounts/access.py AREAS).
SEEKER_PAGES = {
    "coaching:seeker": {"coach", "partner"},
    "coaching:report": {"coach", "partner"},
    "coaching:people": {"coach"},
    "coaching:person": {"coach"},
    "coaching:meetings": {"coach"},
    "coaching:meeting": {"coach"},
    "coaching:insights": {"coach"},
    "coaching:journal": {"coach", "partner"},
    "coaching:journal_entry": {"coach", "partner"},
}
# The owner's own routes a viewer must be refused with 403, not a 404: they may
# read these objects, so saying so hides nothing. Elsewhere a coach may get either
# (403 for what a coach reads), a partner a 403 only on the shared journal.
REFUSED = {
    **dict.fromkeys(
        (
            "home:person",
            "people:edit",
            "people:delete",
            "people:fan",
            "people:private",
            "meetings:edit",
            "meetings:cancel",
            "meetings:outcome",
            "meetings:private",
            "outreach:follow_up_done",
            "outreach:list_delete",
        ),
        frozenset({"coach"}),
    ),
    **dict.fromkeys(
        ("journal:edit", "journal:delete", "journal:unshare"),
        frozenset({"coach", "partner"}),
    ),
}
MAY_SEE_REFUSAL = {"coach": "", "partner": "journal:"}


def _client(user: User) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("accounts:profile"))
    return client, client.cookies["csrftoken"].value


def _ask(client: Client, token: str, method: str, url: str) -> int:
    if method == "post":
        return client.post(url, {"csrfmiddlewaretoken": token}).status_code
    return client.get(url).status_code


def _seeker_url(route: Route, world: World) -> str:
    """The route pointed at the owner's own search (and her objects in it)."""
    kwargs: dict[str, int] = {"seeker": world.owner.pk}
    objects = {
        "coaching:person": world.person,
        "coaching:meeting": world.meeting,
        "coaching:journal_entry": world.journal_entry,
    }
    if route.name in objects:
        kwargs["pk"] = objects[route.name].pk
    return reverse(route.name, kwargs=kwargs)


def test_the_permissions_matrix(alice: User, bob: User) -> None:
    world = build_world(alice)
    coach = world.share.viewer
    partner = User.objects.create_user("alice-partner")
    sharing.accept(partner, world.code)
    assert sharing.given(alice).get(viewer=partner).role == Role.PARTNER
    clients = {
        "coach": _client(coach),
        "partner": _client(partner),
        "stranger": _client(bob),
    }
    before = snapshot()
    checked: dict[str, int] = {}
    for route in routes():
        if route.name in SEEKER_PAGES:
            url = _seeker_url(route, world)
            for who, (client, token) in clients.items():
                status = _ask(client, token, "get", url)
                wanted = 200 if who in SEEKER_PAGES[route.name] else 404
                assert status == wanted, f"{who} GET {url}: {status}"
                status = _ask(client, token, "post", url)
                wanted = 405 if who in SEEKER_PAGES[route.name] else 404
                assert status == wanted, f"{who} POST {url}: {status}"
            checked[route.name] = len(clients) * 2
            continue
        if not route.params or route.name in NOT_AN_OBJECT:
            continue
        url = url_for(route, world)
        for who, (client, token) in clients.items():
            for method in ("get", "post"):
                status = _ask(client, token, method, url)
                where = f"{who} {method.upper()} {url}"
                if status == 405:  # the route takes no such method, from anyone
                    continue
                if who in REFUSED.get(route.name, ()):
                    assert status == 403, f"{where}: {status}"
                elif who in MAY_SEE_REFUSAL and route.name.startswith(
                    MAY_SEE_REFUSAL[who]
                ):
                    assert status in (403, 404), f"{where}: {status}"
                else:
                    assert status == 404, f"{where}: {status}"
                checked[route.name] = checked.get(route.name, 0) + 1
    assert snapshot() == before, "a viewer changed the seeker's data"
    assert len(checked) > 50, sorted(checked)
    assert set(SEEKER_PAGES) <= set(checked)


def test_a_private_person_is_a_404_to_the_coach(alice: User) -> None:
    world = build_world(alice)
    coach, _ = _client(world.share.viewer)
    sharing.set_private(world.person, True)
    for url in (
        reverse("people:edit", args=[world.person.pk]),
        reverse("coaching:person", args=[alice.pk, world.person.pk]),
    ):
        assert coach.get(url).status_code == 404, url
    listed = coach.get(reverse("coaching:people", args=[alice.pk]) + "?q=")
    assert world.person.name not in listed.content.decode()
    sharing.set_private(world.person, False)
    assert coach.get(reverse("people:edit", args=[world.person.pk])).status_code == 403


def test_revoking_takes_effect_on_the_next_request(alice: User) -> None:
    world = build_world(alice)
    coach, _ = _client(world.share.viewer)
    url = reverse("coaching:seeker", args=[alice.pk])
    assert coach.get(url).status_code == 200
    owner, token = _client(alice)
    revoke = reverse("coaching:revoke", args=[world.share.pk])
    assert owner.post(revoke, {"csrfmiddlewaretoken": token}).status_code == 302
    assert coach.get(url).status_code == 404
    edit = reverse("people:edit", args=[world.person.pk])
    assert coach.get(edit).status_code == 404  # no longer even read-only
