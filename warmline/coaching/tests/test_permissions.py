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
from warmline.config.tests.routes import Route, build_world, routes, snapshot, url_for

pytestmark = pytest.mark.django_db

# Routes with parameters that are not one of the owner's objects, and why.
NOT_AN_OBJECT = {
    "home:calendar_feed": "the secret token is the credential; a wrong one is a 404",
    "exchange:export_download": "the kind of export; it exports the requester's own",
    "coaching:accept": "the invitation's code is the credential, meant for another",
}
# The shared search's pages, and which role reads each (accounts/access.py AREAS).
SEEKER_PAGES = {
    "coaching:seeker": {"coach", "partner"},
    "coaching:report": {"coach", "partner"},
    "coaching:people": {"coach"},
    "coaching:person": {"coach"},
    "coaching:meetings": {"coach"},
    "coaching:meeting": {"coach"},
    "coaching:insights": {"coach"},
}
# The owner's own write routes a coach must be refused with 403, not a 404: they
# may read these objects, so saying so hides nothing.
REFUSED_TO_COACH = {
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
}


def _client(user: User) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("accounts:profile"))
    return client, client.cookies["csrftoken"].value


def _ask(client: Client, token: str, method: str, url: str) -> int:
    if method == "post":
        return client.post(url, {"csrfmiddlewaretoken": token}).status_code
    return client.get(url).status_code


def _seeker_url(route: Route, seeker: User, world_person: int, meeting: int) -> str:
    kwargs: dict[str, int] = {"seeker": seeker.pk}
    if route.name == "coaching:person":
        kwargs["pk"] = world_person
    if route.name == "coaching:meeting":
        kwargs["pk"] = meeting
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
            url = _seeker_url(route, alice, world.person.pk, world.meeting.pk)
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
                if who == "coach" and route.name in REFUSED_TO_COACH:
                    assert status == 403, f"{where}: {status}"
                elif who == "coach":
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
