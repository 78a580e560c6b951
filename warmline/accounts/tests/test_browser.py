"""Signing in from Chromium: a new account takes the browser's time zone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from warmline.accounts.models import User
from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_first_sign_in_takes_the_browsers_zone(
    browser: Browser, live_server
) -> None:
    UserFactory.create(username="jordan")
    context = browser.new_context(timezone_id="America/Los_Angeles")
    page = context.new_page()
    sign_in(page, live_server.url, "jordan")
    expect(page.get_by_role("button", name="Sign out jordan")).to_be_visible()
    assert User.objects.get(username="jordan").time_zone == "America/Los_Angeles"
    page.goto(live_server.url + "/profile/")
    expect(page.get_by_label("Time zone")).to_have_value("America/Los_Angeles")
    context.close()
