"""The 3B7 routine across weekends, cancellation, and responsiveness badges."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.services import create_meeting
from warmline.outreach import cadence
from warmline.outreach.models import Attempt, FollowUp, Outreach
from warmline.outreach.services import (
    add_to_list,
    create_call_list,
    expire_outreach,
    log_attempt,
    start_session,
    tick,
)
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
FRIDAY = dt.date(2026, 11, 27)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (FRIDAY, 3, dt.date(2026, 12, 2)),  # Fri -> Mon, Tue, Wed
        (dt.date(2026, 11, 26), 3, dt.date(2026, 12, 1)),  # Thu -> Fri, Mon, Tue
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),  # Sat -> Mon
        (FRIDAY, 7, dt.date(2026, 12, 8)),
        (FRIDAY, 10, dt.date(2026, 12, 11)),
        (FRIDAY, 0, FRIDAY),
    ],
)
def test_business_days_skip_weekends(
    start: dt.date, days: int, expected: dt.date
) -> None:
    assert cadence.add_business_days(start, days) == expected


def test_business_days_between_counts_only_weekdays() -> None:
    assert cadence.business_days_between(FRIDAY, dt.date(2026, 11, 30)) == 1
    assert cadence.business_days_between(FRIDAY, dt.date(2026, 12, 2)) == 3
    assert cadence.business_days_between(FRIDAY, FRIDAY) == 0


@pytest.fixture
def sam(alice: User) -> Person:
    return services.create_person(alice, "Sam Okafor", organization="Northwind")


def open_follow_ups(person: Person) -> list[tuple[str, dt.date]]:
    return list(
        person.follow_ups.filter(status=FollowUp.Status.OPEN)
        .order_by("due")
        .values_list("kind", "due")
    )


def test_no_reply_starts_3b7_from_the_attempt_date(sam: Person) -> None:
    log_attempt(sam, "no_answer", channel="email", at=at(FRIDAY))
    assert open_follow_ups(sam) == [
        ("reach_another", dt.date(2026, 12, 2)),
        ("follow_up", dt.date(2026, 12, 8)),
    ]
    outreach = Outreach.objects.get()
    assert (outreach.status, outreach.give_up_on) == ("waiting", dt.date(2026, 12, 11))


def test_trying_again_while_waiting_does_not_restart_the_routine(sam: Person) -> None:
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    log_attempt(sam, "voicemail", at=at(dt.date(2026, 12, 1)))
    assert Outreach.objects.count() == 1
    assert Attempt.objects.filter(outreach__isnull=False).count() == 2
    assert len(open_follow_ups(sam)) == 2


def test_without_an_organization_there_is_no_second_contact_to_reach(
    alice: User,
) -> None:
    loner = services.create_person(alice, "Greg")
    log_attempt(loner, "no_answer", at=at(FRIDAY))
    assert [kind for kind, _ in open_follow_ups(loner)] == ["follow_up"]


def test_a_reply_within_three_business_days_cancels_pending_and_makes_a_booster(
    sam: Person,
) -> None:
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    log_attempt(sam, "replied", channel="email", at=at(dt.date(2026, 12, 2)))
    sam.refresh_from_db()
    assert sam.responsiveness == "booster"
    assert open_follow_ups(sam) == []
    assert set(sam.follow_ups.values_list("status", flat=True)) == {"cancelled"}
    assert Outreach.objects.get().status == "replied"


def test_a_later_reply_makes_an_obligate(sam: Person) -> None:
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    log_attempt(sam, "replied", at=at(dt.date(2026, 12, 3)))
    sam.refresh_from_db()
    assert sam.responsiveness == "obligate"


def test_never_replying_makes_a_curmudgeon_who_leaves_the_queue(sam: Person) -> None:
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    assert expire_outreach(sam.owner, today=dt.date(2026, 12, 10)) == 0
    assert expire_outreach(sam.owner, today=dt.date(2026, 12, 11)) == 1
    sam.refresh_from_db()
    assert sam.responsiveness == "curmudgeon"
    assert Outreach.objects.get().status == "no_reply"
    assert open_follow_ups(sam) == []


def test_booking_a_meeting_cancels_what_is_pending(sam: Person) -> None:
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    create_meeting(sam, at(dt.date(2026, 12, 9)))
    assert Outreach.objects.get().status == "replied"
    assert open_follow_ups(sam) == []


def test_call_back_adds_a_follow_up_and_a_new_attempt_completes_it(sam: Person) -> None:
    log_attempt(sam, "call_back", at=at(FRIDAY), call_back_on=dt.date(2026, 12, 1))
    assert open_follow_ups(sam) == [("call_back", dt.date(2026, 12, 1))]
    log_attempt(sam, "replied", at=at(dt.date(2026, 12, 1)))
    assert open_follow_ups(sam) == []


def test_logging_an_attempt_updates_the_last_interaction(sam: Person) -> None:
    log_attempt(sam, "declined", at=at(FRIDAY))
    log_attempt(sam, "declined", at=at(dt.date(2026, 11, 20)))  # backdated: older
    sam.refresh_from_db()
    assert sam.last_interaction_at == at(FRIDAY)


def test_a_new_call_after_the_routine_ran_out_starts_a_new_outreach(
    sam: Person,
) -> None:
    """`warmline tick` never ran: the write itself closes the one that ran out."""
    log_attempt(sam, "no_answer", at=at(FRIDAY))
    log_attempt(sam, "voicemail", at=at(dt.date(2026, 12, 14)))
    assert list(Outreach.objects.order_by("started_at").values_list("status")) == [
        ("no_reply",),
        ("waiting",),
    ]
    sam.refresh_from_db()
    assert sam.responsiveness == "curmudgeon"


def test_tick_gives_up_on_outreach_and_closes_sittings_left_open(sam: Person) -> None:
    call_list = create_call_list(sam.owner, "This week")
    add_to_list(call_list, [sam])
    session = start_session(call_list)
    log_attempt(sam, "no_answer", at=at(FRIDAY), session=session)
    done = tick(sam.owner, now=at(dt.date(2026, 12, 11)))
    assert (done.outreach_given_up, done.sittings_closed) == (1, 1)
    session.refresh_from_db()
    assert session.ended_at == at(FRIDAY)  # at its last call
    assert Outreach.objects.get().status == "no_reply"
    # Safe to run again: nothing left to do.
    again = tick(sam.owner, now=at(dt.date(2026, 12, 12)))
    assert (again.outreach_given_up, again.sittings_closed) == (0, 0)


def test_follow_ups_of_a_routine_that_ran_out_are_gone_before_tick_runs(
    sam: Person,
) -> None:
    from django.test import Client

    from warmline.cli.tests.runner import cli_json
    from warmline.home.calendar import calendar_for
    from warmline.outreach.queries import pending_follow_ups

    log_attempt(sam, "no_answer", at=at(FRIDAY))
    client = Client()
    client.force_login(sam.owner)
    with time_machine.travel(at(dt.date(2026, 12, 9)), tick=False):
        assert pending_follow_ups(sam.owner).count() == 2
        assert "Follow up with Sam" in client.get("/followups/").content.decode()
    with time_machine.travel(at(dt.date(2026, 12, 14)), tick=False):
        assert not pending_follow_ups(sam.owner).exists()
        assert "Follow up with Sam" not in client.get("/").content.decode()
        assert "Follow up with Sam" not in client.get("/followups/").content.decode()
        assert b"Follow up with Sam" not in calendar_for(sam.owner)
        assert cli_json("followups") == []
    assert set(FollowUp.objects.values_list("status", flat=True)) == {"open"}
