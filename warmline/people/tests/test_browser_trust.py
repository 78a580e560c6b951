"""In Chromium, the steps that keep a network honest: a name already there asks
"same person?", an import preview lists every row that is not simply new, and a
meeting typed at 10:30 in Los Angeles is 10:30 on its page and in the feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.people import services
from warmline.people.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_same_person_then_a_preview_that_says_why(
    page: Page, live_server, tmp_path: Path
) -> None:
    jordan = UserFactory.create(username="jordan")
    services.create_person(jordan, "José García", organization="Acme")
    sign_in(page, live_server.url, "jordan")

    page.goto(live_server.url + "/people/new/")
    page.get_by_label("Name", exact=True).fill("jose garcia")
    page.get_by_role("button", name="Add to my network").click()
    same = page.get_by_role("alert")
    expect(same).to_contain_text("Is jose garcia someone already in your network?")
    expect(same.get_by_role("link", name="José García")).to_be_visible()
    assert Person.objects.count() == 1
    # Enter does not add them: that takes saying they are someone else.
    page.get_by_label("Name", exact=True).press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    assert Person.objects.count() == 1
    page.get_by_role("alert").get_by_label(re.compile("someone else")).check()
    page.get_by_role("button", name="Add to my network").click()
    expect(page.get_by_role("heading", name="jose garcia")).to_be_visible()
    assert Person.objects.count() == 2

    file = tmp_path / "people.csv"
    file.write_text(
        "Full Name,Mail\nAna Lima,ana@example.com\n,\nMei Tanaka,\n"
        "José García,jose@elsewhere.example\n"
    )
    page.goto(live_server.url + "/import/")
    page.get_by_label("What kind of file").select_option("csv")
    page.get_by_label("File", exact=True).set_input_files(str(file))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_label("Full name")).to_have_value("Full Name")  # guessed
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("1 row of the file will not be imported")).to_be_visible()
    skipped = page.locator("details", has_text="Not imported")
    expect(skipped).to_contain_text("no name and no email address")
    duplicates = page.locator("details", has_text="Likely duplicates")
    expect(duplicates).to_contain_text("José García (#")


def test_a_meeting_at_10_30_in_los_angeles(browser: Browser, live_server) -> None:
    jordan = UserFactory.create(username="jordan", time_zone="America/Los_Angeles")
    sam = services.create_person(jordan, "Sam Okafor")
    context = browser.new_context(timezone_id="America/Los_Angeles")
    page = context.new_page()
    sign_in(page, live_server.url, "jordan")
    page.goto(live_server.url + f"/meetings/new/?person={sam.pk}")
    page.get_by_label("When").fill("2026-12-08T10:30")
    page.get_by_role("button", name="Plan it").click()
    expect(page.locator(".subtitle").first).to_contain_text("10:30")
    page.goto(live_server.url + "/calendar/")
    feed = page.request.get(page.locator("#feed-url").inner_text())
    assert "DTSTART;TZID=America/Los_Angeles:20261208T103000" in feed.text()
    context.close()
