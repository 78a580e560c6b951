"""Every main page on a 390 px phone in Chromium: nothing wider than the screen, the
navigation a menu no taller than 60 px, the column that matters in view (People's
email, Targets' warmest path in), network labels big enough to read; and the same
pages at 1280 px as before. One browser session walks them all, to stay quick."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.api.services import create_token
from warmline.home.demo import load_demo
from warmline.journal.services import add_entry
from warmline.meetings.models import Meeting
from warmline.outreach.models import CallList
from warmline.people.models import Person
from warmline.people.services import mark_target

JOURNAL_BODY = """Leah spent **forty minutes** with me. Three things:

1. Research teams hire from *operations* more than I thought.
2. Read https://example.org/a-very-long-address-that-should-wrap-on-a-phone-screen-too
3. `call-Aisha-before-Friday-about-the-opening-in-the-patient-experience-team`

> Ask for names, never for a job.
"""

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = ViewportSize(width=390, height=844)
WIDE = ViewportSize(width=1280, height=800)


def main_pages() -> list[str]:
    leah = Person.objects.get(name="Leah Goldberg")
    meeting = Meeting.objects.filter(status="planned").first()
    assert meeting is not None
    call_list = CallList.objects.first()
    assert call_list is not None
    entry = add_entry(
        leah.owner,
        "What Leah said about research roles in health care systems",
        dt.date(2026, 11, 20),
        body=JOURNAL_BODY,
        tags=["lessons", "health care"],
        people=[leah],
        meetings=[meeting],
        is_shared=True,
    )
    return [
        "/",
        "/people/",
        leah.get_absolute_url(),
        "/organizations/",
        "/calls/",
        f"/calls/{call_list.pk}/",
        "/followups/?show=all",
        "/meetings/",
        meeting.get_absolute_url(),
        f"/meetings/{meeting.pk}/outcome/",
        "/paths/",
        "/leads/",
        "/insights/?period=all",
        "/insights/report/",
        "/targets/",
        "/network/",
        "/import/",
        "/export/",
        "/profile/",
        "/calendar/",
        "/sharing/",
        "/profile/tokens/",
        "/coach/",
        "/journal/",
        entry.get_absolute_url(),
        "/journal/new/",
        f"/journal/{entry.pk}/edit/",
    ]


def width_and_header(page: Page) -> tuple[int, float]:
    return page.evaluate(
        """() => [document.documentElement.scrollWidth,
                  document.querySelector('.site-header').getBoundingClientRect().height]"""
    )


def within(page: Page, selector: str, width: int) -> None:
    """The element is visible and entirely on screen, left to right."""
    element = page.locator(selector).first
    expect(element).to_be_visible()
    box = element.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)


def test_every_main_page_fits_a_phone_and_still_fits_a_wide_screen(
    page: Page, live_server
) -> None:
    jordan = UserFactory.create(username="jordan")
    load_demo(jordan)
    create_token(jordan, "a script on my laptop with a long name", "write")
    mark_target(jordan, "Providence Health", motivation=3)
    pages = main_pages()
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, "jordan")
    for path in pages:
        page.goto(live_server.url + path)
        width, header = width_and_header(page)
        assert width <= 390, f"{path} is {width} px wide on a 390 px phone"
        assert header <= 60, f"{path}: the navigation is {header} px tall"
        if path == "/people/":
            within(page, "a[href='mailto:aisha.rahman@example.com']", 390)
        if path == "/targets/":
            within(page, "td.cell-key:has-text('Me → Aisha Rahman')", 390)
        if path == "/network/":
            expect(page.locator("#graph[data-nodes]")).to_be_attached()
            assert int(page.locator("#graph").get_attribute("data-label-px") or 0) >= 10
    # The menu opens over the page and leads on.
    expect(page.get_by_role("link", name="People", exact=True)).to_be_hidden()
    page.locator(".nav-menu > summary").click()
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_role("heading", name="People", exact=True)).to_be_visible()
    # The calendar's address copies with the site-wide [data-copy] button.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + "/calendar/")
    page.get_by_role("button", name="Copy the address").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert re.fullmatch(r"http://[^/]+/calendar/[\w-]+\.ics", copied), copied

    page.set_viewport_size(WIDE)
    for path in pages:
        page.goto(live_server.url + path)
        width, header = width_and_header(page)
        assert width <= 1280, f"{path} is {width} px wide at 1280 px"
        assert header <= 100, f"{path}: the navigation is {header} px tall"
        # The links are a row on a wide screen, no menu to open.
        expect(page.locator(".nav-menu > summary")).to_be_hidden()
        expect(page.get_by_role("link", name="Insights", exact=True)).to_be_visible()
        if path == "/people/":
            within(page, "a[href='mailto:aisha.rahman@example.com']", 1280)
            expect(page.get_by_role("columnheader", name="Email")).to_be_visible()
        if path == "/targets/":
            expect(
                page.get_by_role("columnheader", name="Warmest path in")
            ).to_be_visible()
