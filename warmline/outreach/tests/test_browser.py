"""A call session without a mouse, in Chromium: keys log outcomes and book a meeting."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from warmline.accounts.tests.factories import PASSWORD, UserFactory
from warmline.meetings.models import Meeting
from warmline.outreach.models import Attempt, CallList
from warmline.outreach.services import add_to_list
from warmline.people import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_only_session_books_a_meeting(page: Page, live_server) -> None:
    jordan = UserFactory.create(username="jordan")
    dana = services.create_person(jordan, "Dana Reyes", is_main_contact=True)
    sam = services.create_person(jordan, "Sam Okafor", introduced_by=dana)
    nina = services.create_person(jordan, "Nina Kowalski", introduced_by=dana)
    call_list = CallList.objects.create(owner=jordan, name="This week")
    add_to_list(call_list, [sam, nina])

    page.goto(live_server.url + "/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()  # autofocus, then type
    page.keyboard.type("jordan")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Today")).to_be_visible()

    page.goto(live_server.url + call_list.get_absolute_url())
    page.get_by_role("button", name="Start a sitting").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Sam Okafor")).to_be_visible()
    expect(page.get_by_text("1 of 2")).to_be_visible()
    expect(page.locator(".session[data-ready]")).to_be_attached()

    page.keyboard.press("3")  # Scheduled: the booking form opens, its date focused
    expect(page.get_by_role("heading", name="Book the meeting")).to_be_visible()
    when = page.locator(":focus")
    expect(when).to_have_attribute("type", "datetime-local")
    when.fill("2026-12-01T10:00")
    page.keyboard.press("Enter")  # submits the booking from the date field

    expect(page.get_by_role("heading", name="Nina Kowalski")).to_be_visible()
    expect(page.get_by_text("Booked: Network meeting with Sam Okafor")).to_be_visible()
    expect(page.locator(".session[data-ready]")).to_be_attached()
    page.keyboard.press("2")  # Left voicemail
    expect(page.get_by_role("heading", name=re.compile("Sitting done"))).to_be_visible()
    expect(page.locator(".stats article").nth(2)).to_have_text(
        re.compile(r"1\s*meeting booked")
    )

    meeting = Meeting.objects.get()
    assert (
        meeting.person == sam
        and meeting.at.strftime("%Y-%m-%d %H:%M") == "2026-12-01 10:00"
    )
    assert list(Attempt.objects.order_by("at").values_list("outcome", flat=True)) == [
        "scheduled",
        "voicemail",
    ]
