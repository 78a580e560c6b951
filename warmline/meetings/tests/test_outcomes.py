"""Logging an outcome: one transaction, names become chained people, fans follow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import CareerPath, JobLead, Meeting, Outcome
from warmline.meetings.outcomes import (
    LeadMention,
    OutcomeData,
    OutcomeError,
    PathSuggestion,
    Referral,
    log_outcome,
)
from warmline.meetings.services import create_meeting, update_meeting
from warmline.meetings.tests.conftest import MEETING_DAY
from warmline.outreach.models import FollowUp
from warmline.people import services
from warmline.people.fans import fan_status, networker_rank
from warmline.people.models import Introduction, Person
from warmline.people.services import set_fan

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 21)


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Person, Introduction, Outcome, CareerPath, JobLead, FollowUp)
    )


def test_names_become_people_introduced_by_the_person_met(
    meeting: Meeting, sam: Person
) -> None:
    logged = log_outcome(
        meeting,
        OutcomeData(
            notes="Sam knows the health care research scene.",
            referrals=[
                Referral(
                    "Arjun Mehta",
                    organization="Cambia Health",
                    email="a@cambia.example",
                ),
                Referral("Nina Kowalski", phone="503 555 0199"),
            ],
        ),
        today=TODAY,
    )
    arjun, nina = logged.new_people
    assert (arjun.degree, nina.degree) == (3, 3)  # Sam is degree 2
    assert arjun.organization is not None and arjun.organization.name == "Cambia Health"
    assert nina.phones.get().number == "+15035550199"
    intro = Introduction.objects.get(person=arjun)
    assert (intro.introducer, intro.meeting, intro.introduced_on) == (
        sam,
        meeting,
        MEETING_DAY,
    )
    reach_outs = FollowUp.objects.filter(kind=FollowUp.Kind.REACH_OUT).order_by("id")
    assert [(f.person, f.due, f.title) for f in reach_outs] == [
        (
            arjun,
            TODAY + dt.timedelta(days=2),
            "Reach out to Arjun Mehta (introduced by Sam Okafor)",
        ),
        (
            nina,
            TODAY + dt.timedelta(days=2),
            "Reach out to Nina Kowalski (introduced by Sam Okafor)",
        ),
    ]


def test_saving_marks_the_meeting_held_and_adds_one_thank_you(meeting: Meeting) -> None:
    log_outcome(meeting, OutcomeData(notes="First save"), today=TODAY)
    log_outcome(meeting, OutcomeData(notes="Second save, edited"), today=TODAY)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.outcome.notes == "Second save, edited"
    thanks = FollowUp.objects.get(kind=FollowUp.Kind.THANK_YOU)
    assert (thanks.due, thanks.title) == (
        TODAY + dt.timedelta(days=1),
        "Thank Sam Okafor for the meeting",
    )


def test_paths_and_leads_are_recorded_with_the_meeting(
    meeting: Meeting, sam: Person
) -> None:
    existing = CareerPath.objects.create(
        owner=meeting.owner, title="Research operations"
    )
    log_outcome(
        meeting,
        OutcomeData(
            paths=[
                PathSuggestion("UX research in health care"),
                PathSuggestion(existing_id=existing.pk),
                PathSuggestion("ux research IN health care"),
            ],
            leads=[
                LeadMention(
                    "Junior UX Researcher",
                    organization="Northwind, Inc.",
                    link="https://jobs.example/1",
                )
            ],
        ),
        today=TODAY,
    )
    paths = CareerPath.objects.order_by("title")
    assert [p.title for p in paths] == [
        "Research operations",
        "UX research in health care",
    ]
    for path in paths:
        assert list(path.meetings.all()) == [meeting] and list(path.people.all()) == [
            sam
        ]
    lead = JobLead.objects.get()
    assert (
        lead.person == sam and lead.meeting == meeting and lead.heard_on == MEETING_DAY
    )
    assert lead.organization == sam.organization  # "Northwind, Inc." is Northwind


def test_a_bad_row_saves_nothing_at_all(meeting: Meeting) -> None:
    before = counts()
    with pytest.raises(OutcomeError) as caught:
        log_outcome(
            meeting,
            OutcomeData(
                notes="Should not be kept",
                referrals=[Referral("Good Name"), Referral("Bad Phone", phone="12")],
                paths=[PathSuggestion("A path")],
                leads=[LeadMention("A role")],
            ),
            today=TODAY,
        )
    assert caught.value.referrals == {1: "'12' is not a possible phone number."}
    assert counts() == before
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_felt_out_of_range_is_refused(meeting: Meeting) -> None:
    with pytest.raises(OutcomeError) as caught:
        log_outcome(meeting, OutcomeData(felt=9), today=TODAY)
    assert caught.value.general == ["How it felt is a number from 1 to 5."]
    assert not Outcome.objects.exists()


def test_a_likely_duplicate_is_asked_about_not_guessed(
    meeting: Meeting, alice: User
) -> None:
    arjun = services.create_person(alice, "Arjun Mehta", organization="Cambia Health")
    before = counts()
    with pytest.raises(OutcomeError) as caught:
        log_outcome(
            meeting, OutcomeData(referrals=[Referral("arjun  mehta")]), today=TODAY
        )
    assert caught.value.candidates == {0: [arjun]}
    assert counts() == before

    logged = log_outcome(
        meeting,
        OutcomeData(referrals=[Referral("arjun mehta", match=str(arjun.pk))]),
        today=TODAY,
    )
    assert logged.linked_people == [arjun] and logged.new_people == []
    arjun.refresh_from_db()
    assert arjun.degree == 3  # now reached through Sam
    assert Person.objects.filter(name__iexact="arjun mehta").count() == 1


def test_same_email_is_a_duplicate_even_under_another_name(
    meeting: Meeting, alice: User
) -> None:
    existing = services.create_person(
        alice, "A. Mehta", emails=["arjun@cambia.example"]
    )
    with pytest.raises(OutcomeError) as caught:
        log_outcome(
            meeting,
            OutcomeData(
                referrals=[Referral("Arjun Mehta", email="ARJUN@cambia.example")]
            ),
            today=TODAY,
        )
    assert caught.value.candidates == {0: [existing]}


def test_choosing_new_adds_a_second_person_of_that_name(
    meeting: Meeting, alice: User
) -> None:
    services.create_person(alice, "Sam Lee", organization="Nike")
    logged = log_outcome(
        meeting, OutcomeData(referrals=[Referral("Sam Lee", match="new")]), today=TODAY
    )
    assert len(logged.new_people) == 1
    assert Person.objects.filter(name="Sam Lee").count() == 2


def test_linking_someone_up_the_chain_is_refused_as_a_circle(
    meeting: Meeting, dana: Person
) -> None:
    with pytest.raises(OutcomeError) as caught:
        log_outcome(
            meeting,
            OutcomeData(referrals=[Referral("Dana", match=str(dana.pk))]),
            today=TODAY,
        )
    assert "circle" in caught.value.referrals[0]


def test_another_users_person_cannot_be_linked(meeting: Meeting, bob: User) -> None:
    bobs = services.create_person(bob, "Bob's Friend")
    with pytest.raises(OutcomeError) as caught:
        log_outcome(
            meeting,
            OutcomeData(referrals=[Referral("x", match=str(bobs.pk))]),
            today=TODAY,
        )
    assert "no longer in your network" in caught.value.referrals[0]


@pytest.mark.parametrize(
    ("data", "is_fan"),
    [
        (OutcomeData(notes="Nice chat, nothing more"), False),
        (OutcomeData(resume_feedback="Methods first"), True),
        (OutcomeData(learned_field="Mixed methods everywhere"), True),
        (OutcomeData(leads=[LeadMention("Researcher")]), True),
        (OutcomeData(referrals=[Referral("New Name")]), True),
    ],
)
def test_someone_who_helps_becomes_a_fan(
    meeting: Meeting, sam: Person, data: OutcomeData, is_fan: bool
) -> None:
    log_outcome(meeting, data, today=TODAY)
    assert fan_status(sam).is_fan is is_fan


def test_the_user_can_mark_and_unmark_a_fan(
    meeting: Meeting, sam: Person, dana: Person
) -> None:
    assert fan_status(dana).is_fan  # introduced Sam
    set_fan(dana, False)
    assert not fan_status(dana).is_fan
    set_fan(dana, True)
    dana.refresh_from_db()
    assert (
        fan_status(dana).is_fan and dana.fan_override is None
    )  # agrees with the record
    log_outcome(meeting, OutcomeData(is_fan=True), today=TODAY)
    sam.refresh_from_db()
    assert fan_status(sam).is_fan and sam.fan_override is True


def test_true_networkers_are_ranked_by_referrals_given(
    meeting: Meeting, sam: Person, dana: Person
) -> None:
    log_outcome(
        meeting, OutcomeData(referrals=[Referral("One"), Referral("Two")]), today=TODAY
    )
    assert fan_status(sam).referrals_given == 2
    assert networker_rank(sam, 2) == (1, 2)
    assert networker_rank(dana, 1) == (2, 2)
    assert networker_rank(Person.objects.get(name="One"), 0) is None


def test_a_job_interview_is_not_pure_by_default(sam: Person) -> None:
    at = meeting_time()
    assert create_meeting(sam, at).is_pure
    assert not create_meeting(sam, at, kind=Meeting.Kind.INTERVIEW).is_pure


def test_a_meeting_is_with_someone_in_your_own_network(sam: Person, bob: User) -> None:
    meeting = create_meeting(sam, meeting_time())
    with pytest.raises(ValidationError, match="your own network"):
        update_meeting(meeting, person=services.create_person(bob, "Outsider"))


def meeting_time() -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, 12, 1, 14, 30))
