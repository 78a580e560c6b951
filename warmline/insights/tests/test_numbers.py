"""One week of real activity shows the same numbers on every page and command."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.insights import numbers, planner
from warmline.insights.numbers import Numbers
from warmline.meetings.models import JobLead, Meeting
from warmline.meetings.outcomes import LeadMention, OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting, update_meeting
from warmline.outreach.services import log_attempt
from warmline.people import services
from warmline.people.models import Introduction, Person

pytestmark = pytest.mark.django_db
LA = zoneinfo.ZoneInfo("America/Los_Angeles")  # UTC-8 in November
MONDAY, SUNDAY = dt.date(2026, 11, 23), dt.date(2026, 11, 29)  # ISO week 2026-W48


def local(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=LA)


@pytest.fixture
def in_los_angeles(settings: Any) -> Iterator[None]:
    settings.TIME_ZONE = "America/Los_Angeles"
    yield


def person(name: str) -> Person:
    return Person.objects.get(name=name)


@pytest.fixture
def week_of_activity(alice: User, in_los_angeles: None) -> None:
    """Week 48, by hand: 3 calls made (Dana answered, Kim did not, Sam booked);
    2 meetings held (Dana on Tuesday: feedback, Sam and Lee, a lead; Sam at 23:30
    on Sunday, already Monday in UTC: Ana, a lead); Pat added by hand as introduced
    by Erin on Thursday; a meeting with Kim planned and never held. So 2 people
    reached (Dana, Sam), 4 names (Sam, Lee, Pat, Ana), 2 new fans (Dana, Sam; Erin
    first helped the week before), 2 job leads.

    The week before: Erin met (Olga), and Kim called at 23:30 on Sunday (already
    Monday of week 48 in UTC). The week after: Lee called, then met (Finn, a lead).
    """
    with time_machine.travel(local(11, 2, 10), tick=False):
        dana = services.create_person(
            alice, "Dana Reyes", is_main_contact=True, organization="Nike"
        )
        erin = services.create_person(alice, "Erin Cole", is_main_contact=True)
        kim = services.create_person(alice, "Kim Yu")
    # The week before.
    with time_machine.travel(local(11, 20, 12), tick=False):
        met_erin = create_meeting(erin, local(11, 20, 10))
        log_outcome(met_erin, OutcomeData(referrals=[Referral("Olga Old")]))
    with time_machine.travel(local(11, 22, 23, 40), tick=False):
        log_attempt(kim, "no_answer", at=local(11, 22, 23, 30))
    # Week 48.
    with time_machine.travel(local(11, 23, 9), tick=False):
        log_attempt(dana, "replied", channel="email")
    with time_machine.travel(local(11, 24, 11), tick=False):
        log_attempt(kim, "no_answer")
    with time_machine.travel(local(11, 24, 12), tick=False):
        met_dana = create_meeting(dana, local(11, 24, 10), mode="face_to_face")
        log_outcome(
            met_dana,
            OutcomeData(
                resume_feedback="Lead with the lab work",
                referrals=[
                    Referral("Sam Okafor", organization="Intel"),
                    Referral("Lee Park"),
                ],
                leads=[LeadMention("Researcher", "Nike")],
            ),
        )
    with time_machine.travel(local(11, 25, 10), tick=False):
        log_attempt(person("Sam Okafor"), "scheduled")
        met_sam = create_meeting(
            person("Sam Okafor"), local(11, 29, 23, 30), mode="video"
        )
        create_meeting(kim, local(11, 27, 10))  # planned, never held
    with time_machine.travel(local(11, 26, 12), tick=False):
        services.create_person(alice, "Pat Quinn", introduced_by=erin)
    with time_machine.travel(local(11, 29, 23, 50), tick=False):
        log_outcome(
            Meeting.objects.get(pk=met_sam.pk),  # as a page loads it: its time in UTC
            OutcomeData(
                referrals=[Referral("Ana Lima")],
                leads=[LeadMention("Analyst", "Intel")],
            ),
        )
    # The week after.
    with time_machine.travel(local(11, 30, 10), tick=False):
        log_attempt(person("Lee Park"), "no_answer")
    with time_machine.travel(local(12, 1, 15), tick=False):
        met_lee = create_meeting(person("Lee Park"), local(12, 1, 14))
        log_outcome(
            met_lee,
            OutcomeData(
                referrals=[Referral("Finn Later")], leads=[LeadMention("Designer")]
            ),
        )


WEEK_48 = Numbers(
    calls_made=3,
    people_reached=2,
    meetings_held=2,
    names_gathered=4,
    new_fans=2,
    job_leads=2,
)
WEEK_47 = Numbers(1, 1, 1, 1, 1, 0)  # Kim's late call; Erin met, Olga, Erin a fan
WEEK_49 = Numbers(1, 1, 1, 1, 1, 1)  # Lee called and met; Finn; Lee a fan; a lead
GOALS = {"calls_made": 15, "meetings_held": 3, "names_gathered": 6}


def six(data: dict[str, Any]) -> dict[str, int]:
    return {key: data[key] for key in numbers.KEYS}


def test_the_week_counts_each_event_on_its_local_day(
    alice: User, week_of_activity: None
) -> None:
    assert numbers.numbers_for(alice, MONDAY, SUNDAY) == WEEK_48
    found = numbers.by_week(
        alice, [MONDAY - dt.timedelta(weeks=1), MONDAY, SUNDAY + dt.timedelta(days=1)]
    )
    assert found == [WEEK_47.as_dict(), WEEK_48.as_dict(), WEEK_49.as_dict()]
    # Ana was named at 23:30 on Sunday: that is her local day, not UTC's Monday.
    assert Introduction.objects.get(person__name="Ana Lima").introduced_on == SUNDAY
    assert JobLead.objects.get(role="Analyst").heard_on == SUNDAY


def test_today_shows_the_weeks_numbers_against_the_goals(
    alice_client: Client, week_of_activity: None
) -> None:
    # 23:55 on Sunday in Los Angeles: already Monday of the next week in UTC.
    with time_machine.travel(local(11, 29, 23, 55), tick=False):
        page = alice_client.get("/")
        data = cli_json("today")
    t = page.context["t"]
    assert t.today == SUNDAY
    assert [(g.key, g.label, g.done, g.target) for g in t.goals] == [
        ("calls_made", "Calls made", 3, 15),
        ("meetings_held", "Meetings held", 2, 3),
        ("names_gathered", "Names gathered", 4, 6),
    ]
    assert 'aria-label="Names gathered: 4 of 6"' in page.content.decode()
    assert six(data) == WEEK_48.as_dict()
    assert data["goals"] == GOALS
    assert (data["week"], data["from"], data["to"]) == (
        "2026-W48",
        "2026-11-23",
        "2026-11-29",
    )


def test_the_weekly_report_page_and_command_agree_with_today(
    alice_client: Client, week_of_activity: None
) -> None:
    with time_machine.travel(local(12, 2, 12), tick=False):
        page = alice_client.get("/insights/report/?week=2026-W48")
        as_json = cli_json_report("2026-W48")
        code, markdown = cli("report", "--week", "2026-W48")
    report = page.context["r"]
    assert six(report) == six(as_json) == WEEK_48.as_dict()
    # The lists under the counts are the rows counted.
    assert report["names"] == [
        "Sam Okafor (from Dana Reyes)",
        "Lee Park (from Dana Reyes)",
        "Pat Quinn (from Erin Cole)",
        "Ana Lima (from Sam Okafor)",
    ]
    assert report["reached"] == ["Dana Reyes", "Sam Okafor"]
    assert report["fans"] == ["Dana Reyes", "Sam Okafor"]
    assert sorted(report["leads"]) == ["Analyst @ Intel", "Researcher @ Nike"]
    assert [m["date"] for m in report["meetings"]] == ["2026-11-24", "2026-11-29"]
    assert code == 0 and "- Calls made: 3 (1 no answer, 1 scheduled, 1 replied)" in (
        markdown
    )
    assert "- Names gathered: 4\n" in markdown


def cli_json_report(week: str) -> dict[str, Any]:
    code, output = cli("report", "--week", week, "--format", "json")
    assert code == 0, output
    data: dict[str, Any] = json.loads(output)
    return data


def test_insights_shows_the_same_week_and_the_period_around_it(
    alice: User, alice_client: Client, week_of_activity: None
) -> None:
    with time_machine.travel(local(12, 2, 12), tick=False):
        page = alice_client.get("/insights/?period=4w")
    weekly = page.context["charts"]["weekly"]
    assert weekly["labels"][-3:] == ["2026-11-16", "2026-11-23", "2026-11-30"]
    for key in ("calls_made", "meetings_held", "names_gathered"):
        column = [week.as_dict()[key] for week in (WEEK_47, WEEK_48, WEEK_49)]
        assert weekly[key][-3:] == column, key
    assert weekly["goals"] == GOALS
    # Since 4 November: the three weeks; Erin, Dana, Sam and Lee each reached once.
    assert page.context["funnel"]["steps"] == [
        ("People reached", 4),
        ("Meetings held", 4),
        ("Names gathered", 6),
        ("New fans", 4),
        ("Job leads", 3),
    ]
    assert page.context["funnel"]["rates"]["names gathered per meeting held"] == 1.5


def test_the_planner_reads_the_same_numbers_over_all_time(
    alice: User, alice_client: Client, week_of_activity: None
) -> None:
    assert planner.history(alice) == {
        "calls_made": 5,
        "meetings_held": 4,
        "names_gathered": 6,
        "job_leads": 3,
        "booked": 1,  # Sam's call
    }
    everything = numbers.numbers_for(alice, None, None).as_dict()
    assert {k: everything[k] for k in planner.HISTORY} == {
        k: planner.history(alice)[k] for k in planner.HISTORY
    }
    with time_machine.travel(local(12, 2, 12), tick=False):
        plan = alice_client.get("/insights/").context["plan"]
    assert not plan.rates.from_history  # 5 calls: too few to go on yet


def test_moving_a_meeting_moves_the_names_and_leads_it_gave(
    alice: User, week_of_activity: None
) -> None:
    met_dana = Meeting.objects.get(person__name="Dana Reyes")
    with time_machine.travel(local(12, 2, 12), tick=False):
        update_meeting(met_dana, at=local(12, 1, 23, 30))  # Tuesday 07:30 in UTC
    assert set(
        Introduction.objects.filter(meeting=met_dana).values_list(
            "introduced_on", flat=True
        )
    ) == {dt.date(2026, 12, 1)}
    assert JobLead.objects.get(role="Researcher").heard_on == dt.date(2026, 12, 1)
    assert person("Dana Reyes").first_helped_on == dt.date(2026, 12, 1)
    week_48 = numbers.numbers_for(alice, MONDAY, SUNDAY)
    assert (week_48.meetings_held, week_48.names_gathered, week_48.job_leads) == (
        1,
        2,
        1,
    )
    assert week_48.new_fans == 1  # Sam; Dana first helped on the 1st now
    week_49 = numbers.week_numbers(alice, dt.date(2026, 12, 1))
    assert (week_49.meetings_held, week_49.names_gathered, week_49.new_fans) == (
        2,
        3,
        2,
    )


def test_each_number_has_one_definition(alice: User) -> None:
    assert set(numbers.ROWS) == set(numbers.KEYS) == set(numbers.LABELS)
    assert numbers.numbers_for(alice, None, None) == Numbers()
