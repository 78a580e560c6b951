"""A call session without a mouse, in Chromium: focus, type, Tab and Enter only (no
clicks), at desktop width and at a phone's."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from warmline.accounts.models import User
from warmline.accounts.tests.factories import PASSWORD, UserFactory
from warmline.meetings.models import Meeting
from warmline.outreach.models import Attempt, CallList, FollowUp
from warmline.outreach.services import add_to_list
from warmline.people import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NAMES = [
    "Ana Silva",
    "Ben Cho",
    "Cleo Park",
    "Dev Rao",
    "Eli Stone",
    "Fay Lund",
    "Gus Hale",
]


def a_list(names: list[str]) -> tuple[User, CallList]:
    jordan = UserFactory.create(username="jordan")
    dana = services.create_person(jordan, "Dana Reyes", is_main_contact=True)
    people = [services.create_person(jordan, n, introduced_by=dana) for n in names]
    call_list = CallList.objects.create(owner=jordan, name="This week")
    add_to_list(call_list, people)
    return jordan, call_list


def sign_in_and_start(page: Page, base_url: str, call_list: CallList) -> None:
    """Sign in and start a sitting by keyboard; the first person's page is ready."""
    page.goto(base_url + "/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()  # autofocus, then type
    page.keyboard.type("jordan")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    page.goto(base_url + call_list.get_absolute_url())
    page.get_by_role("button", name="Start a sitting").first.focus()
    page.keyboard.press("Enter")
    at(page, NAMES[0])


def at(page: Page, name: str) -> None:
    """The sitting shows `name`, and its keys work."""
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.locator(".session[data-ready]")).to_be_attached()


def type_date(page: Page, day: dt.date, year: int | None = None) -> None:
    """Type a day into the focused date field, as Chromium's en-US one takes it."""
    page.keyboard.type(f"{day:%m%d}{year or day.year}")


def type_moment(page: Page, day: dt.date, time: str) -> None:
    """Type a day and a time ("1000A") into the focused date-and-time field; its year
    takes six digits, so an arrow moves on to the hour."""
    type_date(page, day)
    page.keyboard.press("ArrowRight")
    page.keyboard.type(time)


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.name")


def test_every_outcome_by_keyboard_logs_what_it_says(
    page: Page, live_server, tmp_path: Path
) -> None:
    _, call_list = a_list(NAMES)
    call_back_on = dt.date.today() + dt.timedelta(days=10)
    meet_on = dt.date.today() + dt.timedelta(days=12)
    sign_in_and_start(page, live_server.url, call_list)
    page.screenshot(path=str(tmp_path / "session-desktop.png"), full_page=True)

    # The page rests on the call's form: two Tabs reach the notes, one more the
    # first outcome, and Enter presses it.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Notes")).to_be_focused()
    page.keyboard.type("Out until Monday")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="1 No answer")).to_be_focused()
    page.keyboard.press("Enter")

    at(page, NAMES[1])
    page.keyboard.press("2")  # left voicemail

    at(page, NAMES[2])
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Coffee near her office")
    page.keyboard.press("Escape")  # out of the notes: keys work again
    page.keyboard.press("3")  # scheduled: the booking opens at its date
    expect(page.get_by_role("heading", name="Book the meeting")).to_be_visible()
    assert focused(page) == "id_at"
    type_moment(page, meet_on, "1000A")
    page.keyboard.press("Enter")  # books, from the date field

    at(page, NAMES[3])
    expect(page.get_by_text(f"Booked: Network meeting with {NAMES[2]}")).to_be_visible()
    page.keyboard.press("4")  # declined

    at(page, NAMES[4])
    page.keyboard.press("5")  # call back: the date opens, focused
    assert focused(page) == "id_call_back_on"
    type_date(page, call_back_on)
    page.keyboard.press("Enter")  # saves the call-back on that day

    at(page, NAMES[5])
    page.keyboard.press("6")  # wrong number

    at(page, NAMES[6])
    page.keyboard.press("Tab")  # the channel
    page.keyboard.press("ArrowRight")  # email
    page.keyboard.press("Enter")  # Enter on a choice records nothing nobody chose
    page.wait_for_timeout(500)  # time enough for a form to be sent, if it were
    assert Attempt.objects.count() == 6
    at(page, NAMES[6])
    page.keyboard.press("7")  # replied
    expect(page.get_by_role("heading", name=re.compile("Sitting done"))).to_be_visible()

    logged = Attempt.objects.order_by("at").values_list("outcome", "channel", "notes")
    assert list(logged) == [
        ("no_answer", "phone", "Out until Monday"),
        ("voicemail", "phone", ""),
        ("scheduled", "phone", "Coffee near her office"),
        ("declined", "phone", ""),
        ("call_back", "phone", ""),
        ("bounced", "phone", ""),
        ("replied", "email", ""),
    ]
    meeting = Meeting.objects.get()
    assert meeting.person.name == NAMES[2]
    assert meeting.at.astimezone(meeting.owner.zone).replace(tzinfo=None) == (
        dt.datetime.combine(meet_on, dt.time(10))
    )
    call_back = FollowUp.objects.get(kind="call_back")
    assert (call_back.person.name, call_back.due) == (NAMES[4], call_back_on)


def test_a_bad_call_back_date_comes_back_by_the_field_then_saves(
    page: Page, live_server, tmp_path: Path
) -> None:
    _, call_list = a_list(NAMES[:2])
    call_back_on = dt.date.today() + dt.timedelta(days=3)
    sign_in_and_start(page, live_server.url, call_list)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Try after lunch")
    page.keyboard.press("Escape")
    page.keyboard.press("5")
    type_date(page, call_back_on, year=2226)
    page.keyboard.press("Enter")

    date = page.get_by_label("Call back on")
    expect(date).to_be_focused()  # back where the error is, typing works
    expect(date).to_have_attribute("aria-invalid", "true")
    error = page.locator("#id_call_back_on_error")
    expect(error).to_have_text("Give a date between 1900 and 2100, not 2226.")
    expect(page.get_by_label("Notes")).to_have_value("Try after lunch")
    assert not Attempt.objects.exists() and not FollowUp.objects.exists()
    page.screenshot(path=str(tmp_path / "session-call-back-refused.png"))

    type_date(page, call_back_on)
    page.keyboard.press("Enter")
    at(page, NAMES[1])
    attempt = Attempt.objects.get()
    assert (attempt.outcome, attempt.notes) == ("call_back", "Try after lunch")
    assert FollowUp.objects.get(kind="call_back").due == call_back_on


def test_a_refused_booking_comes_back_by_the_field_then_books(
    page: Page, live_server
) -> None:
    _, call_list = a_list(NAMES[:2])
    meet_on = dt.date.today() + dt.timedelta(days=5)
    sign_in_and_start(page, live_server.url, call_list)
    page.keyboard.press("3")
    page.keyboard.press("Enter")  # no date typed
    when = page.get_by_label("When")
    expect(when).to_be_focused()
    expect(when).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#book-form .errorlist")).to_have_text(
        "This field is required."
    )
    assert not Attempt.objects.exists() and not Meeting.objects.exists()
    type_moment(page, meet_on, "0230P")
    page.keyboard.press("Enter")
    at(page, NAMES[1])
    assert Meeting.objects.get().person.name == NAMES[0]
    assert Attempt.objects.get().outcome == "scheduled"


def test_a_session_by_keyboard_on_a_phone(
    page: Page, live_server, tmp_path: Path
) -> None:
    _, call_list = a_list(NAMES[:3])
    call_back_on = dt.date.today() + dt.timedelta(days=4)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_and_start(page, live_server.url, call_list)
    page.screenshot(path=str(tmp_path / "session-phone.png"), full_page=True)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Notes")).to_be_focused()
    page.keyboard.type("Prefers texts")
    page.keyboard.press("Escape")
    page.keyboard.press("5")
    type_date(page, call_back_on)
    page.screenshot(path=str(tmp_path / "session-phone-call-back.png"), full_page=True)
    page.keyboard.press("Enter")
    at(page, NAMES[1])
    page.keyboard.press("3")
    type_moment(page, call_back_on, "0900A")
    page.keyboard.press("Enter")
    at(page, NAMES[2])
    assert FollowUp.objects.get(kind="call_back").due == call_back_on
    assert list(Attempt.objects.order_by("at").values_list("outcome", "notes")) == [
        ("call_back", "Prefers texts"),
        ("scheduled", ""),
    ]
