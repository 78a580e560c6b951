"""Fans: the per-person annotation, the network-wide count and the stored first-help
dates agree, and every way of logging help keeps the date right."""

from __future__ import annotations

import datetime as dt

import pytest

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import LeadMention, OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.people import services
from warmline.people.fans import fans as fans_of
from warmline.people.fans import new_fans, with_fan_status
from warmline.people.models import Person
from warmline.people.services import set_fan

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


def test_network_wide_fans_match_the_per_person_rule(
    alice: User, meeting: Meeting
) -> None:
    log_outcome(meeting, OutcomeData(referrals=[Referral("New Name")]), today=TODAY)
    adviser = services.create_person(alice, "Adviser")
    met = create_meeting(adviser, meeting.at - dt.timedelta(days=3))
    log_outcome(
        met,
        OutcomeData(learned_field="Useful", leads=[LeadMention("Role")]),
        today=TODAY,
    )
    marked = services.create_person(alice, "Marked By Hand")
    set_fan(marked, True)
    set_fan(Person.objects.get(name="Dana Reyes"), False)  # helped, but unmarked
    people = with_fan_status(Person.objects.filter(owner=alice))
    fans = people.filter(is_fan=True)  # type: ignore[misc]  # annotated
    annotated = set(fans.values_list("pk", flat=True))
    assert set(fans_of(alice).values_list("pk", flat=True)) == annotated
    dates = dict(fans_of(alice).values_list("pk", "first_helped_on"))
    assert dates[marked.pk] is None  # a fan with no help logged has no date
    assert dates[adviser.pk] == met.at.date()  # information and a lead, that day
    assert dates[meeting.person_id] == meeting.at.date()  # Sam's referral
    assert new_fans(alice, met.at.date(), met.at.date()).get() == adviser
    assert not new_fans(alice, TODAY + dt.timedelta(days=1), None).exists()
