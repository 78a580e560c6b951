"""The foundation journey in a real Chromium: log in, add a main contact and a referral,
see the chain; search the people list in place."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base_url: str) -> None:
    UserFactory(username="jordan")
    page.goto(base_url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    sign_in(page, base_url, "jordan", go=False)
    expect(page.get_by_role("heading", name="Welcome to Warmline")).to_be_visible()


def test_add_a_main_contact_and_someone_they_introduced(
    page: Page, live_server
) -> None:
    log_in(page, live_server.url)
    page.get_by_role("button", name="Add my first main contact").click()
    page.get_by_label("Name", exact=True).fill("Dana Reyes")
    page.get_by_label("I know them directly (main contact)").check()
    page.get_by_label("Organization").fill("Lincoln High School")
    page.get_by_role("button", name="Add to my network").click()
    expect(page.get_by_role("heading", name="Dana Reyes")).to_be_visible()
    expect(page.get_by_text("main contact", exact=True)).to_be_visible()

    page.get_by_role("button", name="Add someone they introduced").click()
    expect(page.get_by_role("radio", name=re.compile("Dana Reyes"))).to_be_checked()
    page.get_by_label("Name", exact=True).fill("Sam Okafor")
    page.get_by_label("Title").fill("UX Researcher")
    page.get_by_role("button", name="Add to my network").click()

    expect(page.get_by_role("heading", name="Sam Okafor")).to_be_visible()
    expect(page.get_by_test_id("chain")).to_have_text(
        re.compile(r"Me\s*→\s*Dana Reyes\s*→\s*Sam Okafor")
    )
    expect(page.get_by_text("degree 2", exact=True)).to_be_visible()

    # A third person, whose introducer is found with the search-as-you-type picker.
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("button", name="Add a person").click()
    page.get_by_label("Name", exact=True).fill("Victor Huang")
    page.get_by_role("button", name="Add to my network").click()
    expect(page.get_by_text("not connected yet", exact=True)).to_be_visible()
    page.get_by_text("Record who introduced Victor").click()
    page.get_by_label("Introduced by").press_sequentially("okaf")
    page.get_by_role("radio", name=re.compile("Sam Okafor")).check()
    page.get_by_role("button", name="Add introduction").click()
    expect(page.get_by_test_id("chain")).to_have_text(
        re.compile(r"Me\s*→\s*Dana Reyes\s*→\s*Sam Okafor\s*→\s*Victor Huang")
    )

    page.get_by_test_id("chain").get_by_role("link", name="Dana Reyes").click()
    introduced = page.locator("section").filter(
        has=page.get_by_role("heading", name="People Dana introduced")
    )
    expect(introduced.get_by_role("link", name="Sam Okafor")).to_be_visible()


def test_people_search_updates_in_place(page: Page, live_server) -> None:
    log_in(page, live_server.url)
    page.get_by_role("button", name="Explore the demo network").click()
    expect(page.get_by_text("Loaded the demo network")).to_be_visible()
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_text("45 people")).to_be_visible()
    page.get_by_role("searchbox", name="Search").fill("okafor")
    expect(page.get_by_text("1 person match")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=okafor"))
    page.get_by_label("Degree").select_option("4")
    expect(page.get_by_text("Nobody matches")).to_be_visible()
    page.get_by_role("searchbox", name="Search").fill("")
    expect(page.get_by_role("link", name="Leah Goldberg")).to_be_visible()
    expect(page.get_by_role("link", name="Dana Reyes")).to_have_count(0)
