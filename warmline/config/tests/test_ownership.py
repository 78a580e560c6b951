"""Ownership over every route: another user's object is a 404, on GET and on POST.

Every route that takes an object id is asked, by a signed-in outsider with a valid
CSRF token of their own, for the owner's object; the answer is 404 (or 405 where the
route takes no such method at all, which says nothing of the object), and nothing
in the database changes.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User
from warmline.config.tests.routes import build_world, routes, snapshot, url_for

pytestmark = pytest.mark.django_db

# Routes with parameters that are not an object of the owner's, and why.
NOT_AN_OBJECT = {
    "home:calendar_feed": "the secret token is the credential; a wrong one is a 404",
    "journal:feed": "the secret token is the credential; a wrong one is a 404",
    "exchange:export_download": "the kind of export; it exports the requester's own",
    "coaching:accept": "the invitation's code is the credential, meant for another",
}


def test_every_object_route_refuses_another_user(alice: User, bob: User) -> None:
    world = build_world(alice)
    owner = Client()
    owner.force_login(alice)
    outsider = Client(enforce_csrf_checks=True)
    outsider.force_login(bob)
    outsider.get(reverse("accounts:profile"))
    token = outsider.cookies["csrftoken"].value
    before = snapshot()
    checked = []
    for route in routes():
        if not route.params or route.name in NOT_AN_OBJECT:
            continue
        url = url_for(route, world)
        for method in ("get", "post"):
            send = getattr(outsider, method)
            response = send(
                url, {"csrfmiddlewaretoken": token} if method == "post" else {}
            )
            if response.status_code == 405:
                # Not a method the route takes, for anyone.
                assert getattr(owner, method)(url).status_code == 405, url
                continue
            assert response.status_code == 404, f"{method.upper()} {url}"
        checked.append(route.name)
    assert snapshot() == before
    assert len(checked) > 40, checked


def test_a_wrong_calendar_token_is_a_404(client: Client, alice: User) -> None:
    url = reverse("home:calendar_feed", args=[alice.calendar_token])
    assert client.get(url).status_code == 200
    assert (
        client.get(url.replace(alice.calendar_token[:6], "xxxxxx")).status_code == 404
    )
