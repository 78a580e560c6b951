"""Values stay in range: dates from 1900 to 2100, meetings up to 24 hours, snoozes up
to 365 days, the same rule on the web, the CLI and in the services; and the calendar
never fails on a row that slipped in before the rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.config.tests.routes import snapshot
from warmline.home.calendar import calendar_for
from warmline.meetings import services as meetings
from warmline.meetings.models import Meeting
from warmline.outreach import services as outreach
from warmline.outreach.models import FollowUp
from warmline.people import services as people
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(alice: User) -> Person:
    return people.create_person(alice, "Sam Okafor")


def meeting_form(sam: Person, **fields: str) -> dict[str, object]:
    return {
        "person": sam.pk,
        "at": "2026-12-01T10:30",
        "duration_minutes": "45",
        "mode": "face_to_face",
        "kind": "network",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"at": "9999-12-31T23:59"}, "Give a date between 1900 and 2100, not 9999."),
        ({"at": "1899-12-31T10:00"}, "Give a date between 1900 and 2100, not 1899."),
        ({"duration_minutes": "1441"}, "A meeting lasts at most 24 hours"),
        ({"duration_minutes": "0"}, "A meeting lasts at least a minute."),
    ],
)
def test_the_meeting_form_refuses_what_is_out_of_range(
    alice_client: Client, sam: Person, fields: dict[str, str], message: str
) -> None:
    before = snapshot()
    page = alice_client.post(reverse("meetings:add"), meeting_form(sam, **fields))
    assert page.status_code == 200
    assert message in page.content.decode()
    assert snapshot() == before


def test_the_edges_of_the_range_are_accepted(alice_client: Client, sam: Person) -> None:
    for at in ("1900-01-01T00:00", "2100-12-31T23:59"):
        page = alice_client.post(
            reverse("meetings:add"), meeting_form(sam, at=at, duration_minutes="1440")
        )
        assert page.status_code == 302, page.content.decode()
    assert Meeting.objects.count() == 2


def test_the_cli_refuses_a_meeting_in_year_9999(sam: Person) -> None:
    code, output = cli("meetings", "add", "Sam Okafor", "--at", "9999-12-31 23:59")
    assert code == 1
    assert "Give a date between 1900 and 2100, not 9999." in output
    code, output = cli(
        "meetings",
        "add",
        "Sam Okafor",
        "--at",
        "2026-12-01 10:30",
        "--duration",
        "2000",
    )
    assert code == 1 and "at most 24 hours" in output
    assert not Meeting.objects.exists()


def test_services_refuse_dates_out_of_range(alice: User, sam: Person) -> None:
    far = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
    dana = people.create_person(alice, "Dana Reyes")
    before = snapshot()
    with pytest.raises(ValidationError, match="not 2200"):
        meetings.create_meeting(sam, far)
    with pytest.raises(ValidationError, match="not 2200"):
        outreach.log_attempt(sam, "no_answer", at=far)
    with pytest.raises(ValidationError, match="not 1800"):
        outreach.log_attempt(sam, "call_back", call_back_on=dt.date(1800, 1, 1))
    with pytest.raises(ValidationError, match="not 1800"):
        people.add_introduction(dana, sam, introduced_on=dt.date(1800, 1, 1))
    assert snapshot() == before


@pytest.mark.parametrize(("days", "accepted"), [(365, True), (366, False), (0, False)])
def test_snoozes_go_up_to_a_year(
    alice_client: Client, sam: Person, days: int, accepted: bool
) -> None:
    follow_up = outreach.add_follow_up(
        sam, FollowUp.Kind.REACH_OUT, "Reach out", timezone.localdate()
    )
    url = reverse("outreach:follow_up_snooze", args=[follow_up.pk])
    page = alice_client.post(url, {"days": str(days)}, follow=True)
    follow_up.refresh_from_db()
    if accepted:
        assert follow_up.due == timezone.localdate() + dt.timedelta(days=365)
    else:
        assert "Snooze for 1 to 365 days." in page.content.decode()
        assert follow_up.due == timezone.localdate()


def test_a_huge_snooze_is_refused_not_a_server_error(
    alice_client: Client, sam: Person
) -> None:
    follow_up = outreach.add_follow_up(
        sam, FollowUp.Kind.REACH_OUT, "Reach out", timezone.localdate()
    )
    url = reverse("outreach:follow_up_snooze", args=[follow_up.pk])
    page = alice_client.post(url, {"days": "99999999"}, follow=True)
    assert page.status_code == 200
    assert "Snooze for 1 to 365 days." in page.content.decode()


def test_the_calendar_survives_a_meeting_from_before_the_rule(
    alice: User, alice_client: Client, sam: Person
) -> None:
    meeting = meetings.create_meeting(sam, dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC))
    # A row written before dates were checked: the feed must still answer.
    Meeting.objects.filter(pk=meeting.pk).update(
        at=dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC), duration_minutes=1440
    )
    feed = alice_client.get(reverse("home:calendar_feed", args=[alice.calendar_token]))
    assert feed.status_code == 200
    (event,) = Calendar.from_ical(calendar_for(alice)).walk("VEVENT")
    assert event.decoded("dtstart").year == 9999
    code, output = cli("export", "ics", "-o", "-")
    assert code == 0 and "BEGIN:VCALENDAR" in output
