"""The meeting journey in Chromium: prepare, meet, log two names and a career path."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.people import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_prepare_meet_and_log_names_and_a_path(page: Page, live_server) -> None:
    jordan = UserFactory.create(username="jordan")
    dana = services.create_person(jordan, "Dana Reyes", is_main_contact=True)
    sam = services.create_person(jordan, "Sam Okafor", introduced_by=dana)
    sign_in(page, live_server.url, "jordan")

    # Prepare: plan from Sam's page, pick two questions from the bank.
    page.goto(live_server.url + sam.get_absolute_url())
    page.get_by_role("button", name="Plan a meeting").click()
    expect(page.get_by_role("radio", name=re.compile("Sam Okafor"))).to_be_checked()
    # Planned for yesterday morning: met already, so it waits on Today to be logged.
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    page.get_by_label("When").fill(f"{yesterday.isoformat()}T10:00")
    page.get_by_label("Goals").fill("Learn how research teams work in hospitals.")
    page.get_by_role("button", name="Plan it").click()
    expect(page.get_by_test_id("chain")).to_have_text(
        re.compile(r"Me\s*→\s*Dana Reyes\s*→\s*Sam Okafor")
    )
    page.get_by_label("What trends are changing your field right now?").check()
    page.get_by_label("Who else should I talk to, and may I say you sent me?").check()
    page.get_by_role("button", name="Add to this meeting").click()
    questions = page.locator(".question-list li")
    expect(questions).to_have_count(2)

    # Met: Today lists it to log. Log the outcome: two names (the second row added in
    # place) and a path.
    page.goto(live_server.url + "/")
    to_log = page.get_by_role("region", name="Meetings to log")
    expect(to_log.get_by_role("link", name="Sam Okafor")).to_be_visible()
    to_log.get_by_role("link", name="log the outcome").click()
    page.get_by_label("Notes").fill("Sam walked me through research in health care.")
    page.locator('[name="referrals-0-name"]').fill("Arjun Mehta")
    page.locator('[name="referrals-0-organization"]').fill("Cambia Health")
    page.get_by_role("button", name="+ Add another name").click()
    page.locator('[name="referrals-1-name"]').fill("Nina Kowalski")
    page.locator('[name="paths-0-title"]').fill("UX research in health care")
    page.get_by_label("How it felt").select_option("5")
    page.get_by_role("button", name="Save the outcome").click()
    expect(
        page.get_by_text("Logged the meeting with Sam Okafor, 2 new names")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="What came of it")).to_be_visible()

    # Sam's page: the meeting and the names it led to.
    page.goto(live_server.url + sam.get_absolute_url())
    timeline = page.locator(".timeline")
    expect(timeline.get_by_role("link", name="Arjun Mehta")).to_be_visible()
    expect(timeline.get_by_role("link", name="Nina Kowalski")).to_be_visible()
    expect(page.get_by_text("★ fan").first).to_be_visible()

    # The paths board, and the people list with both names at degree 3.
    page.get_by_role("link", name="Paths", exact=True).click()
    ideas = page.get_by_role("region", name="Idea")
    expect(ideas.get_by_role("link", name="UX research in health care")).to_be_visible()
    page.goto(live_server.url + "/people/?degree=3")
    expect(page.get_by_text("2 people match")).to_be_visible()
    expect(page.get_by_role("link", name="Arjun Mehta")).to_be_visible()
    expect(page.get_by_role("link", name="Nina Kowalski")).to_be_visible()
