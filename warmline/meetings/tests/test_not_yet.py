"""Dates that make sense: no outcome for a meeting that has not begun; Today lists
the meetings that have and wait to be logged; far days show their year."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.config.tests.routes import snapshot
from warmline.core.dates import day, moment
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import OutcomeData, OutcomeError, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 28, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def sam(alice: User) -> Person:
    return services.create_person(alice, "Sam Okafor")


@pytest.fixture
def tomorrow(sam: Person) -> Meeting:
    with time_machine.travel(NOW, tick=False):
        return create_meeting(sam, NOW + dt.timedelta(days=1))


def test_an_outcome_waits_for_the_meeting(
    tomorrow: Meeting, alice_client: Client
) -> None:
    with time_machine.travel(NOW, tick=False):
        before = snapshot()
        with pytest.raises(OutcomeError) as refused:
            log_outcome(tomorrow, OutcomeData(referrals=[Referral("Ana Lima")]))
        assert refused.value.general == [
            "The meeting with Sam Okafor is on Sun 29 Nov, 15:00: log what it gave "
            "once it has happened."
        ]
        page = alice_client.post(
            reverse("meetings:outcome", args=[tomorrow.pk]),
            {"notes": "Great chat"},
            follow=True,
        )
        assert "log what it gave once it has happened" in page.content.decode()
        assert "Log the outcome" not in page.content.decode()
        code, output = cli("meetings", "log", str(tomorrow.pk), "--notes", "Great")
        assert code == 1 and "once it has happened. Nothing was saved." in output
        assert snapshot() == before
    with time_machine.travel(NOW + dt.timedelta(days=1, hours=1), tick=False):
        log_outcome(tomorrow, OutcomeData(notes="Great chat"))
    tomorrow.refresh_from_db()
    assert tomorrow.status == Meeting.Status.HELD


def test_today_lists_meetings_to_log(
    alice: User, sam: Person, alice_client: Client
) -> None:
    with time_machine.travel(NOW - dt.timedelta(days=3), tick=False):
        met = create_meeting(sam, NOW - dt.timedelta(days=2))
        create_meeting(sam, NOW + dt.timedelta(days=2))
    with time_machine.travel(NOW, tick=False):
        t = alice_client.get("/").context["t"]
        assert [m.pk for m in t.meetings_to_log] == [met.pk]
        assert [m.pk for m in t.meetings_week] != [met.pk]
        data = cli_json("today")
        assert [m["id"] for m in data["meetings_to_log"]] == [met.pk]
        log_outcome(met, OutcomeData(notes="Done"))
        assert not alice_client.get("/").context["t"].meetings_to_log


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2026, 11, 28), "Sat 28 Nov"),
        (dt.date(2027, 5, 29), "Sat 29 May"),  # within six months
        (dt.date(2027, 6, 30), "Wed 30 Jun 2027"),
        (dt.date(2020, 1, 1), "Wed 1 Jan 2020"),
        (dt.date(2026, 5, 1), "Fri 1 May 2026"),
    ],
)
def test_far_days_show_their_year(value: dt.date, text: str) -> None:
    assert day(value, today=dt.date(2026, 11, 28)) == text


def test_a_moment_is_in_the_users_zone() -> None:
    with timezone.override("America/Los_Angeles"):
        assert moment(NOW, today=dt.date(2026, 11, 28)) == "Sat 28 Nov, 07:00"
