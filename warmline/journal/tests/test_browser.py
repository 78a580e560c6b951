"""The journal in Chromium: from a logged meeting, write what was learned, see it
rendered (and a script typed in it shown as text), share it, copy the feed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.meetings.outcomes import OutcomeData, log_outcome
from warmline.meetings.services import create_meeting
from warmline.people import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_what_you_learned_after_a_meeting(page: Page, live_server) -> None:
    jordan = UserFactory.create(username="jordan")
    sam = services.create_person(jordan, "Sam Okafor", is_main_contact=True)
    yesterday = timezone.now() - dt.timedelta(days=1)
    meeting = create_meeting(sam, yesterday)
    log_outcome(meeting, OutcomeData(notes="Good talk"))
    sign_in(page, live_server.url, "jordan")

    page.goto(live_server.url + meeting.get_absolute_url())
    page.get_by_role("button", name="Write what you learned").click()
    expect(page.get_by_label("Title")).to_have_value("What I learned from Sam Okafor")
    expect(page.get_by_role("checkbox", name="Sam Okafor", exact=True)).to_be_checked()
    page.get_by_label("Entry").fill(
        "Sam said: *ask for names*.\n\n- one\n- two\n\n<script>alert(1)</script>"
    )
    page.get_by_label("Tags").fill("lessons")
    page.get_by_role("button", name="Add to my journal").click()

    expect(
        page.get_by_role("heading", name="What I learned from Sam Okafor")
    ).to_be_visible()
    body = page.locator(".journal-body")
    expect(body.locator("em")).to_have_text("ask for names")
    expect(body.locator("li")).to_have_count(2)
    expect(body).to_contain_text("<script>alert(1)</script>")  # shown, not run
    expect(page.get_by_role("link", name="Sam Okafor", exact=True)).to_be_visible()
    expect(page.locator(".subtitle .badge")).to_have_text("private")
    page.get_by_role("button", name="Share", exact=True).click()
    expect(page.locator(".subtitle .badge")).to_have_text("shared")

    page.get_by_role("link", name="← Journal").click()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the address").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert re.fullmatch(r"http://[^/]+/journal/feed/[\w-]+/", copied), copied
    page.get_by_role("button", name=re.compile("Make .* private")).click()
    expect(page.locator(".journal-list .badge")).to_have_text("private")
