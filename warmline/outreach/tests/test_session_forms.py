"""The forms on a call session's page, by test client: each submits what it says, and a
refused one comes back with the error next to its field and nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from pytest_django.asserts import assertContains

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.outreach.models import (
    Attempt,
    AttemptOutcome,
    CallList,
    CallListEntry,
    FollowUp,
    Outreach,
)
from warmline.outreach.services import add_to_list, start_session
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)  # a Friday morning
WRITTEN = [Attempt, FollowUp, Outreach, Meeting]


def rows() -> dict[str, object]:
    """Everything a call could write, to compare before and after a refused form."""
    counts: dict[str, object] = {
        m.__name__: m._default_manager.count() for m in WRITTEN
    }
    counts["done"] = list(CallListEntry.objects.values_list("pk", "done_at"))
    counts["touched"] = list(Person.objects.values_list("pk", "last_interaction_at"))
    return counts


@pytest.fixture
def url(alice: User) -> str:
    dana = services.create_person(alice, "Dana Reyes", is_main_contact=True)
    sam = services.create_person(alice, "Sam Okafor", introduced_by=dana)
    call_list = CallList.objects.create(owner=alice, name="This week")
    add_to_list(call_list, [dana, sam])
    return f"/sessions/{start_session(call_list).pk}/"


@time_machine.travel(NOW, tick=False)
def test_the_call_back_row_opens_on_the_next_business_day(
    alice_client: Client, url: str
) -> None:
    page = alice_client.get(url)
    assertContains(page, 'name="call_back_on" value="2026-11-30"')  # Monday
    assertContains(page, '<div class="callback" id="callback-row" hidden>')


@time_machine.travel(NOW, tick=False)
def test_every_outcome_logs_what_it_says(alice_client: Client, url: str) -> None:
    for outcome in AttemptOutcome.values:
        response = alice_client.post(
            url + "log/", {"i": 0, "outcome": outcome, "channel": "email"}
        )
        assert response.status_code == 302
    logged = Attempt.objects.order_by("pk").values_list("outcome", "channel")
    assert list(logged) == [(outcome, "email") for outcome in AttemptOutcome.values]


@time_machine.travel(NOW, tick=False)
def test_a_call_back_on_a_day_is_due_that_day(alice_client: Client, url: str) -> None:
    response = alice_client.post(
        url + "log/",
        {
            "i": 0,
            "outcome": "call_back",
            "channel": "phone",
            "notes": "In meetings all week",
            "call_back_on": "2026-12-07",
        },
    )
    assert response["Location"].endswith("?i=1")
    attempt = Attempt.objects.get()
    assert (attempt.outcome, attempt.notes) == ("call_back", "In meetings all week")
    assert FollowUp.objects.get(kind="call_back").due == dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("2226-12-07", "Give a date between 1900 and 2100, not 2226."),
        ("2026-11-26", "A call-back is for the day of the call or later."),
        ("2026-13-45", "Enter a valid date."),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_a_bad_call_back_date_comes_back_next_to_the_field_and_writes_nothing(
    alice_client: Client, url: str, typed: str, error: str
) -> None:
    before = rows()
    response = alice_client.post(
        url + "log/",
        {
            "i": 0,
            "outcome": "call_back",
            "channel": "text",
            "notes": "Busy today",
            "call_back_on": typed,
        },
    )
    assert response.status_code == 200
    assert rows() == before
    html = response.content.decode()
    row = html[html.index('id="callback-row"') : html.index('class="outcomes"')]
    assert row.startswith('id="callback-row" >')  # open, not hidden
    assert f'value="{typed}"' in row and 'aria-invalid="true"' in row
    assert f'<ul class="errorlist" id="id_call_back_on_error"><li>{error}</li>' in row
    assertContains(response, "Busy today</textarea>")
    assertContains(response, 'value="text" checked')


@time_machine.travel(NOW, tick=False)
def test_a_refused_booking_comes_back_open_with_its_error_and_the_notes(
    alice_client: Client, url: str
) -> None:
    before = rows()
    response = alice_client.post(
        url + "book/",
        {
            "i": 1,
            "at": "",
            "mode": "video",
            "kind": "network",
            "channel": "email",
            "notes": "Free Thursdays",
        },
    )
    assert response.status_code == 200
    assert rows() == before
    html = response.content.decode()
    booking = html[html.index('id="book-form"') :]
    assert booking.startswith('id="book-form" class="book-form"  novalidate>')
    assert 'aria-invalid="true"' in booking[: booking.index("This field is required")]
    assertContains(response, "Free Thursdays</textarea>")
    assertContains(response, 'value="email" checked')
    assert response.context["person"].name == "Sam Okafor"


def test_outsiders_get_404_from_both_forms(bob_client: Client, url: str) -> None:
    for path in ("log/", "book/"):
        assert bob_client.post(url + path, {"i": 0}).status_code == 404
    assert not Attempt.objects.exists()
