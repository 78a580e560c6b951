"""Every page, opened in Chromium, keeps to the Content-Security-Policy: the
autouse fixture in warmline/conftest.py fails the test on any violation Chromium
reports (an inline script, handler or style that the policy blocked)."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Page

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.config.tests.routes import build_world, routes, url_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_page_keeps_to_the_policy(page: Page, live_server) -> None:
    jordan = UserFactory.create(username="jordan")
    world = build_world(jordan)
    client = Client()
    client.force_login(jordan)
    sign_in(page, live_server.url, "jordan")
    opened = []
    for route in routes():
        url = url_for(route, world)
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith(
            "text/html"
        ):
            continue  # downloads, feeds, fragments' redirects: no page to run
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        opened.append(url)
    assert len(opened) > 40, opened
