"""Today, the home page: the week's numbers and what to do, in bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.outcomes import LeadMention, OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.outreach.services import log_attempt
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
    with django_assert_max_num_queries(20):
        page = alice_client.get("/")
    assert page.status_code == 200
    assert page.context["t"].week.calls_made > 0
