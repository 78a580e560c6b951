"""Each metric against a hand-built scenario with known answers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from warmline.accounts.models import User
from warmline.insights import metrics, networkers, planner, report, targets
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import LeadMention, OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.outreach.services import log_attempt
from warmline.people import derived, services
from warmline.people.models import Introduction, Organization, Person

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)  # a Thursday; the week began Monday 23rd


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def scenario(alice: User) -> dict[str, Person]:
    """Dana (main) met on the 10th: 2 names and a lead. Sam (her name) called on
    the 24th by email, answered; met by video on the 25th: 1 name. Kim: no answer."""
    dana = services.create_person(
        alice, "Dana", is_main_contact=True, organization="Nike"
    )
    m1 = create_meeting(dana, at(dt.date(2026, 11, 10)), mode="face_to_face")
    log_outcome(
        m1,
        OutcomeData(
            referrals=[Referral("Sam", organization="Intel"), Referral("Lee")],
            leads=[LeadMention("Researcher", "Nike")],
        ),
        today=TODAY,
    )
    sam = Person.objects.get(name="Sam")
    log_attempt(sam, "replied", channel="email", at=at(dt.date(2026, 11, 24)))
    m2 = create_meeting(sam, at(dt.date(2026, 11, 25)), mode="video", kind="interview")
    log_outcome(
        m2, OutcomeData(referrals=[Referral("Ana", organization="Intel")]), today=TODAY
    )
    kim = services.create_person(alice, "Kim")
    log_attempt(kim, "no_answer", channel="phone", at=at(dt.date(2026, 11, 24)))
    return {"dana": dana, "sam": sam, "kim": kim}


def test_funnel_all_time(alice: User, scenario: dict[str, Person]) -> None:
    result = metrics.funnel(alice, metrics.Period.of("all", TODAY))
    assert result["steps"] == [
        ("People reached", 2),
        ("Meetings held", 2),
        ("Names gathered", 3),
        ("New fans", 2),
        ("Job leads", 1),
    ]
    assert result["rates"] == {
        "meetings held per person reached": 1.0,
        "names gathered per meeting held": 1.5,
        "new fans per meeting held": 1.0,
        "job leads per meeting held": 0.5,
    }


def test_events_count_when_they_happened(
    alice: User, scenario: dict[str, Person]
) -> None:
    last_week = metrics.Period("x", "since the 20th", dt.date(2026, 11, 20))
    assert metrics.funnel(alice, last_week)["steps"] == [
        ("People reached", 1),
        ("Meetings held", 1),
        ("Names gathered", 1),
        ("New fans", 1),
        ("Job leads", 0),
    ]


def test_empty_network_gives_zeros_not_errors(alice: User) -> None:
    period = metrics.Period.of("all", TODAY)
    assert [n for _, n in metrics.funnel(alice, period)["steps"]] == [0, 0, 0, 0, 0]
    assert set(metrics.funnel(alice, period)["rates"].values()) == {None}
    assert metrics.yields(alice, period) == {"modes": [], "purity": []}
    assert networkers.true_networkers(alice) == []
    assert metrics.response_by_channel(alice, period)["channels"] == []
    assert metrics.growth(alice, period) == {
        "labels": [],
        "series": {k: [] for k in ["1", "2", "3", "4", "none"]},
    }


def test_one_event(alice: User) -> None:
    dana = services.create_person(alice, "Dana")
    log_attempt(dana, "no_answer", at=at(TODAY))
    week = metrics.weekly(alice, 2, today=TODAY)
    assert (week["calls_made"], week["meetings_held"], week["names_gathered"]) == (
        [0, 1],
        [0, 0],
        [0, 0],
    )
    channels = metrics.response_by_channel(alice, metrics.Period.of("all", TODAY))[
        "channels"
    ]
    assert channels == [
        {
            "channel": "phone",
            "label": "Phone",
            "attempts": 1,
            "answered": 0,
            "rate": 0.0,
        }
    ]


def test_weekly_series_against_goals(alice: User, scenario: dict[str, Person]) -> None:
    week = metrics.weekly(alice, 3, today=TODAY)
    assert week["labels"] == ["2026-11-09", "2026-11-16", "2026-11-23"]
    assert week["calls_made"] == [0, 0, 2]
    assert week["meetings_held"] == [1, 0, 1]
    assert week["names_gathered"] == [2, 0, 1]
    assert week["goals"] == {"calls_made": 15, "meetings_held": 3, "names_gathered": 6}


def test_a_circle_of_introductions_counts_each_person_once(alice: User) -> None:
    # Adding an introduction refuses a circle, but a merge can still close one.
    a = services.create_person(alice, "A", is_main_contact=True)
    b = services.create_person(alice, "B", introduced_by=a)
    c = services.create_person(alice, "C", introduced_by=b)
    Introduction.objects.create(owner=alice, introducer=c, person=a)
    derived.network_changed(alice.pk)
    top = {n["name"]: n["downstream_people"] for n in networkers.true_networkers(alice)}
    assert top == {"A": 3, "B": 3, "C": 3}  # the whole circle, each once


def test_yield_by_mode_and_purity(alice: User, scenario: dict[str, Person]) -> None:
    found = metrics.yields(alice, metrics.Period.of("all", TODAY))
    modes = {
        r["label"]: (r["meetings"], r["names_per_meeting"], r["leads_per_meeting"])
        for r in found["modes"]
    }
    assert modes == {"Face to face": (1, 2.0, 1.0), "Video": (1, 1.0, 0.0)}
    purity = {r["key"]: (r["label"], r["names"]) for r in found["purity"]}
    assert purity == {
        True: ("Pure network meetings", 2),
        False: ("Interviews and the rest", 1),
    }


def test_growth_by_degree_is_cumulative(
    alice: User, scenario: dict[str, Person]
) -> None:
    growth = metrics.growth(alice, metrics.Period.of("all", TODAY))
    assert growth["series"]["2"][-1] == 2 and growth["series"]["3"][-1] == 1
    assert growth["series"]["none"][-1] == 1  # Kim


def test_true_networkers_and_what_they_led_to(
    alice: User, scenario: dict[str, Person]
) -> None:
    top = networkers.true_networkers(alice)
    assert [
        (n["name"], n["names_given"], n["downstream_people"], n["downstream_meetings"])
        for n in top
    ] == [("Dana", 2, 3, 1), ("Sam", 1, 1, 0)]


def test_warmest_path_prefers_short_then_fans(
    alice: User, scenario: dict[str, Person]
) -> None:
    intel = Organization.objects.get(name="Intel")
    intel.is_target, intel.motivation = True, 2
    intel.save()
    found = {t.organization.name: t for t in targets.targets(alice)}
    assert found["Intel"].path == ["Dana", "Sam"]  # Sam (degree 2, a fan) over Ana (3)
    assert found["Intel"].advocate is True
    assert found["Intel"].people == ["Ana", "Sam"]


def test_no_path_and_ranking(alice: User, scenario: dict[str, Person]) -> None:
    Organization.objects.create(
        owner=alice, name="Autodesk", name_key="autodesk", is_target=True, motivation=3
    )
    Organization.objects.filter(name="Nike").update(is_target=True, motivation=1)
    ranked = targets.targets(alice)
    assert [t.organization.name for t in ranked] == ["Autodesk", "Nike"]
    assert ranked[0].as_dict() == {
        "organization": "Autodesk",
        "motivation": 3,
        "postings": None,
        "advocate": False,
        "people": [],
        "path": None,
    }
    assert ranked[1].path == ["Dana"]


def test_warm_path_is_at_most_three_introductions_deep(alice: User) -> None:
    people = [services.create_person(alice, "P0", is_main_contact=True)]
    for i in range(1, 5):
        people.append(services.create_person(alice, f"P{i}", introduced_by=people[-1]))
    services.update_person(people[4], organization="Far Away")
    Organization.objects.filter(name="Far Away").update(is_target=True)
    assert targets.targets(alice)[0].path is None  # degree 5: 4 introductions deep
    services.update_person(people[3], organization="Far Away")
    assert targets.targets(alice)[0].path == ["P0", "P1", "P2", "P3"]


def test_planner_uses_defaults_with_too_little_history(
    alice: User, scenario: dict[str, Person]
) -> None:
    rates = planner.rates_for(alice)
    assert not rates.from_history
    plan = planner.plan(rates, meetings_per_week=3, weeks=8)
    assert (plan.calls_per_week, plan.names, plan.leads) == (15, 36.0, 3.0)


def test_planner_arithmetic_from_history(alice: User) -> None:
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    for i in range(24):  # 24 calls, 4 of them booked a meeting
        log_attempt(dana, "scheduled" if i % 6 == 0 else "no_answer", at=at(TODAY))
    for _ in range(4):
        m = create_meeting(dana, at(TODAY))
        log_outcome(
            m, OutcomeData(referrals=[Referral(f"N{m.pk}", match="new")]), today=TODAY
        )
    log_outcome(
        Meeting.objects.earliest("pk"),
        OutcomeData(leads=[LeadMention("Role")]),
        today=TODAY,
    )  # type: ignore[arg-type]
    rates = planner.rates_for(alice)
    assert (
        rates.calls_per_meeting,
        rates.names_per_meeting,
        rates.meetings_per_lead,
    ) == (6.0, 1.0, 4.0)
    plan = planner.plan(rates, meetings_per_week=2, weeks=4)
    assert (plan.calls_per_week, plan.names, plan.leads) == (12, 8.0, 2.0)


def test_weekly_report_content(alice: User, scenario: dict[str, Person]) -> None:
    data = report.weekly_report(alice, report.parse_week("2026-W48"))
    assert {
        k: data[k]
        for k in (
            "calls_made",
            "people_reached",
            "meetings_held",
            "names_gathered",
            "new_fans",
            "job_leads",
        )
    } == {
        "calls_made": 2,
        "people_reached": 1,
        "meetings_held": 1,
        "names_gathered": 1,
        "new_fans": 1,
        "job_leads": 0,
    }
    assert data["names"] == ["Ana (from Sam)"] and data["fans"] == ["Sam"]
    assert data["reached"] == ["Sam"]  # Kim did not answer
    assert data["calls"] == [
        {"outcome": "No answer", "count": 1},
        {"outcome": "Replied", "count": 1},
    ]
    text = report.as_markdown(data)
    assert (
        "week 2026-W48 (2026-11-23 to 2026-11-29)" in text
        and "- Ana (from Sam)" in text
        and "- Calls made: 2 (1 no answer, 1 replied)" in text
        and "## People reached\n\n- Sam\n" in text
    )
    with pytest.raises(ValueError, match="not an ISO week"):
        report.parse_week("last week")


def test_weekly_report_says_what_was_learned(alice: User) -> None:
    lee = services.create_person(alice, "Lee", is_main_contact=True)
    met = create_meeting(lee, at(dt.date(2026, 11, 24)))
    log_outcome(
        met,
        OutcomeData(
            resume_feedback="Lead with the lab work",
            learned_field="Labs hire in spring",
        ),
        today=TODAY,
    )
    data = report.weekly_report(alice, report.parse_week("2026-W48"))
    assert data["learned"] == [
        "From Lee, on my resume: Lead with the lab work",
        "From Lee, about the field: Labs hire in spring",
    ]
    assert "## What I learned\n\n- From Lee, on my resume:" in report.as_markdown(data)
    assert report.weekly_report(alice, report.parse_week("2026-W47"))["learned"] == []


def test_weekly_report_lists_the_first_names_and_counts_the_rest(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "LIST_LIMIT", 2)
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    for name in ["Cy", "Ann", "Bo"]:
        person = services.create_person(
            alice, name, introduced_by=dana, introduced_on=dt.date(2026, 11, 24)
        )
        log_attempt(person, "replied", at=at(dt.date(2026, 11, 24)))
    data = report.weekly_report(alice, report.parse_week("2026-W48"))
    assert (data["people_reached"], data["reached"], data["reached_more"]) == (
        3,
        ["Ann", "Bo"],
        1,
    )
    assert (data["names_gathered"], data["names"], data["names_more"]) == (
        3,
        ["Cy (from Dana)", "Ann (from Dana)"],
        1,
    )
    text = report.as_markdown(data)
    assert "- Bo\n- and 1 more\n" in text
    assert "- Ann (from Dana)\n- and 1 more\n" in text


def test_metrics_belong_to_their_owner(bob: User, scenario: dict[str, Person]) -> None:
    period = metrics.Period.of("all", TODAY)
    assert [n for _, n in metrics.funnel(bob, period)["steps"]] == [0, 0, 0, 0, 0]
    assert networkers.true_networkers(bob) == [] and targets.targets(bob) == []
    assert (
        report.weekly_report(bob, report.parse_week("2026-W48"))["meetings_held"] == 0
    )
