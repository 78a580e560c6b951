"""The daily loop from the command line: make a call list from filters, see it,
log a call that books a meeting, mark follow-ups done or snooze them; and names
given at a meeting wait on a call list of their own."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.outreach.models import Attempt, CallList, FollowUp
from warmline.outreach.services import NAMES_FROM_MEETINGS, add_follow_up
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(alice: User) -> dict[str, Person]:
    dana = services.create_person(alice, "Dana Reyes", is_main_contact=True)
    return {
        "dana": dana,
        "sam": services.create_person(
            alice, "Sam Okafor", introduced_by=dana, organization="Intel"
        ),
        "nina": services.create_person(
            alice, "Nina Kowalski", introduced_by=dana, tags=["health"]
        ),
    }


def test_create_a_call_list_from_filters_and_show_it(
    alice: User, network: dict[str, Person]
) -> None:
    made = cli_json("calls", "lists", "create", "Referrals", "--preset", "referrals")
    assert made["name"] == "Referrals"
    assert [e["name"] for e in made["entries"]] == ["Nina Kowalski", "Sam Okafor"]
    shown = cli_json("calls", "lists", "show", "referrals")
    assert shown == made
    by_org = cli_json("calls", "lists", "create", "Intel", "--organization", "intel")
    assert [e["name"] for e in by_org["entries"]] == ["Sam Okafor"]
    by_tag = cli_json("calls", "lists", "create", "Health", "--tag", "health")
    assert [e["name"] for e in by_tag["entries"]] == ["Nina Kowalski"]
    code, output = cli("calls", "lists")
    assert code == 0 and "3 call lists" in output

    code, output = cli("calls", "lists", "create", "REFERRALS")
    assert code == 1 and "already have a call list named" in output
    code, output = cli("calls", "lists", "create", "Empty", "--tag", "nobody")
    assert code == 1 and "No one matches" in output
    code, output = cli("calls", "lists", "show", "Nope")
    assert code == 1 and "Your lists: Health, Intel, Referrals." in output
    assert CallList.objects.count() == 3


def test_a_scheduled_call_books_the_meeting(
    alice: User, network: dict[str, Person]
) -> None:
    code, output = cli("calls", "log", "Sam Okafor", "--outcome", "scheduled")
    assert code == 1 and "--meeting-at" in output
    assert not Attempt.objects.exists()
    data = cli_json(
        "calls",
        "log",
        "Sam Okafor",
        "--outcome",
        "scheduled",
        "--meeting-at",
        "2026-12-08 10:30",
        "--mode",
        "video",
    )
    meeting = Meeting.objects.get()
    assert (meeting.person, meeting.mode) == (network["sam"], "video")
    assert timezone.localtime(meeting.at).strftime("%Y-%m-%d %H:%M") == (
        "2026-12-08 10:30"
    )
    assert data["meeting"]["id"] == meeting.pk
    assert Attempt.objects.get().meeting == meeting
    code, output = cli(
        "calls", "log", "Nina Kowalski", "--outcome", "no-answer", "--meeting-at", "x"
    )
    assert code == 1 and "goes with --outcome scheduled" in output


def test_a_call_back_is_set_for_the_day_given_or_refused_with_nothing_written(
    alice: User, network: dict[str, Person]
) -> None:
    call = ["calls", "log", "Sam Okafor", "--at", "2026-12-01 10:00"]
    for day, reason in [
        ("2026-11-30", "A call-back is for the day of the call or later."),
        ("0226-12-02", "Give a date between 1900 and 2100, not 226."),
        ("Friday", "'Friday' is not a date; write it like 2026-12-01."),
    ]:
        code, output = cli(*call, "--outcome", "call-back", "--call-back-on", day)
        assert code == 1 and reason in output, output
    code, output = cli(*call, "--outcome", "no-answer", "--call-back-on", "2026-12-04")
    assert code == 1 and "goes with --outcome call-back" in output
    assert not Attempt.objects.exists() and not FollowUp.objects.exists()

    data = cli_json(*call, "--outcome", "call-back", "--call-back-on", "2026-12-04")
    (follow_up,) = data["follow_ups"]
    assert (follow_up["kind"], follow_up["due"]) == ("call_back", "2026-12-04")
    # Without a day, the next business day (2026-12-01 is a Tuesday).
    nina = ["calls", "log", "Nina Kowalski", "--at", "2026-12-01 10:00"]
    (follow_up,) = cli_json(*nina, "--outcome", "call-back")["follow_ups"]
    assert follow_up["due"] == "2026-12-02"


def test_follow_ups_done_snooze_and_reopen(
    alice: User, bob: User, network: dict[str, Person]
) -> None:
    today = timezone.localdate()
    thanks = add_follow_up(network["sam"], FollowUp.Kind.OTHER, "Thank Sam", today)
    code, output = cli("followups", "done", str(thanks.pk), "--user", "alice")
    assert code == 0 and output.strip() == "Done: Thank Sam."
    thanks.refresh_from_db()
    assert thanks.status == FollowUp.Status.DONE
    code, output = cli("followups", "reopen", str(thanks.pk), "--user", "alice")
    assert code == 0
    code, output = cli(
        "followups", "snooze", str(thanks.pk), "--days", "3", "--user", "alice"
    )
    assert code == 0 and "Snoozed until" in output
    thanks.refresh_from_db()
    assert thanks.due == today + dt.timedelta(days=3)
    code, output = cli(
        "followups", "snooze", str(thanks.pk), "--days", "400", "--user", "alice"
    )
    assert code == 1 and "Snooze for 1 to 365 days." in output
    # Someone else's follow-up is not there for this user.
    bobs = services.create_person(bob, "Bob's friend")
    theirs = add_follow_up(bobs, FollowUp.Kind.OTHER, "Theirs", today)
    code, output = cli("followups", "done", str(theirs.pk), "--user", "alice")
    assert code == 1 and f"No follow-up {theirs.pk} among yours" in output
    theirs.refresh_from_db()
    assert theirs.status == FollowUp.Status.OPEN
    rows = cli_json("followups", "--user", "alice")
    assert [r["title"] for r in rows] == ["Thank Sam"]


def test_names_from_a_meeting_wait_on_a_call_list(
    alice: User, network: dict[str, Person]
) -> None:
    now = timezone.now()
    with time_machine.travel(now - dt.timedelta(hours=2), tick=False):
        met = create_meeting(network["sam"], now - dt.timedelta(hours=1))
    log_outcome(met, OutcomeData(referrals=[Referral("Ana Lima")]))
    call_list = CallList.objects.get(name=NAMES_FROM_MEETINGS)
    assert [e.person.name for e in call_list.entries.all()] == ["Ana Lima"]
    shown = cli_json("calls", "lists", "show", NAMES_FROM_MEETINGS)
    assert [e["name"] for e in shown["entries"]] == ["Ana Lima"]
    today = cli_json("today")
    assert NAMES_FROM_MEETINGS in [c["name"] for c in today["call_lists"]]
