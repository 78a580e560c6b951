"""Today, the home page: the week's numbers and what to do, in bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from warmline.accounts.models import User
from warmline.home import queries
from warmline.meetings.outcomes import LeadMention, OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.outreach.services import log_attempt
from warmline.people import services
from warmline.people.synthetic import build_network

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [10, 400])
def test_today_queries_are_bounded_however_busy_the_weeks(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    people = build_network(alice, size)
    now = timezone.now()
    for i, person in enumerate(people[: size // 2]):
        log_attempt(
            person,
            "replied" if i % 2 else "no_answer",
            at=now - dt.timedelta(days=i % 60),
        )
    for i, person in enumerate(people[:: max(1, size // 20)]):
        meeting = create_meeting(person, now - dt.timedelta(days=7 * i, hours=1))
        log_outcome(
            meeting,
            OutcomeData(
                referrals=[Referral(f"Name {i}", match="new")],
                leads=[LeadMention("Researcher")],
            ),
        )
        create_meeting(person, now + dt.timedelta(days=i % 7, hours=1))
        create_meeting(person, now - dt.timedelta(days=i + 1))  # never logged
    with django_assert_max_num_queries(20):
        page = alice_client.get("/")
    assert page.status_code == 200
    assert page.context["t"].goals[0].done > 0  # calls made this week
    assert len(page.context["t"].meetings_to_log) == min(20, size, 10)


TODAY = dt.date(2026, 11, 26)  # a Thursday


def active_in(alice: User, weeks_ago: list[int]) -> None:
    """A call made on the Tuesday of each of those weeks (0: this week)."""
    dana = services.create_person(alice, "Dana")
    tuesday = TODAY - dt.timedelta(days=2)
    for n in weeks_ago:
        day = tuesday - dt.timedelta(weeks=n)
        log_attempt(
            dana,
            "no_answer",
            at=timezone.make_aware(dt.datetime.combine(day, dt.time(10))),
        )


@pytest.mark.parametrize(
    ("weeks_ago", "streak"),
    [
        ([], 0),
        ([0], 1),
        ([1, 2], 2),  # this week has only just begun: counted from last week
        ([0, 1, 2, 4], 3),
        (list(range(6)), 6),  # past the first four weeks asked
        (list(range(40)), 27),  # as far back as it looks: this week and 26 more
    ],
)
def test_the_streak_counts_weeks_in_a_row_with_a_call_or_a_meeting(
    alice: User, weeks_ago: list[int], streak: int
) -> None:
    active_in(alice, weeks_ago)
    assert queries.streak(alice, TODAY) == streak
    assert queries.today_for(alice, TODAY).streak_weeks == streak  # asks less


def test_a_held_meeting_keeps_the_streak_too(alice: User) -> None:
    dana = services.create_person(alice, "Dana")
    for n in (1, 2):
        day = TODAY - dt.timedelta(weeks=n)
        meeting = create_meeting(
            dana, timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
        )
        log_outcome(meeting, OutcomeData(notes="ok"), today=day)
    create_meeting(
        dana,
        timezone.make_aware(
            dt.datetime.combine(TODAY - dt.timedelta(weeks=3), dt.time(10))
        ),
    )  # planned, never held
    assert queries.streak(alice, TODAY) == 2


def test_the_streak_line_is_true_in_the_first_week(
    alice: User, alice_client: Client
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)):
        active_in(alice, [0])  # a call this week, never before
        page = alice_client.get("/").content.decode()
    assert "a start" in page
    assert "active last week" not in page
