"""Meeting, outcome, preparation, path and lead pages through the test client."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    MeetingQuestion,
    Question,
)
from warmline.meetings.outcomes import (
    LeadMention,
    OutcomeData,
    PathSuggestion,
    log_outcome,
)
from warmline.meetings.services import create_meeting
from warmline.outreach.models import FollowUp
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


def outcome_post(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "notes": "",
        "resume_feedback": "",
        "learned_company": "",
        "learned_field": "",
        "learned_work": "",
        "felt": "",
        "referrals-TOTAL_FORMS": "0",
        "referrals-INITIAL_FORMS": "0",
        "paths-TOTAL_FORMS": "0",
        "paths-INITIAL_FORMS": "0",
        "leads-TOTAL_FORMS": "0",
        "leads-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def logged(meeting: Meeting) -> Meeting:
    log_outcome(
        meeting,
        OutcomeData(
            notes="Good",
            paths=[PathSuggestion("Research ops")],
            leads=[LeadMention("Researcher", "Northwind")],
        ),
    )
    return meeting


def owned_urls(meeting: Meeting) -> list[str]:
    question = Question.objects.filter(owner=meeting.owner).first()
    path = CareerPath.objects.get(owner=meeting.owner)
    lead = JobLead.objects.get(owner=meeting.owner)
    assert question is not None
    return [
        reverse("meetings:detail", args=[meeting.pk]),
        reverse("meetings:edit", args=[meeting.pk]),
        reverse("meetings:print", args=[meeting.pk]),
        reverse("meetings:outcome", args=[meeting.pk]),
        reverse("meetings:outcome_row_hx", args=[meeting.pk, "referrals"]),
        reverse("meetings:question_edit", args=[question.pk]),
        reverse("meetings:path_detail", args=[path.pk]),
        reverse("meetings:lead_edit", args=[lead.pk]),
    ]


PAGES = [
    "/meetings/",
    "/meetings/new/",
    "/questions/",
    "/resumes/",
    "/paths/",
    "/leads/",
    "/profile/",
]


def test_owner_sees_every_page(alice_client: Client, logged: Meeting) -> None:
    for url in [*PAGES, *owned_urls(logged)]:
        assert alice_client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_log_in(logged: Meeting) -> None:
    for url in [*PAGES, *owned_urls(logged)]:
        response = Client().get(url)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        ), url


def test_another_users_rows_are_404_everywhere(
    bob_client: Client, logged: Meeting
) -> None:
    for url in owned_urls(logged):
        assert bob_client.get(url).status_code == 404, url
        assert bob_client.post(url).status_code == 404, url
    for name in ["cancel", "questions_pick"]:
        assert (
            bob_client.post(reverse(f"meetings:{name}", args=[logged.pk])).status_code
            == 404
        )
    logged.refresh_from_db()
    assert logged.status == Meeting.Status.HELD


def test_another_users_lists_show_nothing_of_mine(
    bob_client: Client, logged: Meeting
) -> None:
    for url in ["/meetings/", "/paths/", "/leads/"]:
        assertNotContains(bob_client.get(url), "Sam Okafor")
    assertNotContains(bob_client.get("/paths/"), "Research ops")


def test_plan_a_meeting_from_a_person(alice_client: Client, sam: Person) -> None:
    form = alice_client.get(f"/meetings/new/?person={sam.pk}")
    assertContains(form, f'value="{sam.pk}" checked')
    response = alice_client.post(
        "/meetings/new/",
        {
            "person": sam.pk,
            "at": "2026-12-02T09:30",
            "duration_minutes": 45,
            "mode": "video",
            "kind": "interview",
            "place": "https://meet.example/abc",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.mode, meeting.kind, meeting.is_pure) == (
        "video",
        "interview",
        False,
    )
    assert (
        timezone.localtime(meeting.at).strftime("%Y-%m-%d %H:%M") == "2026-12-02 09:30"
    )


def test_planning_needs_a_person_and_a_time(alice_client: Client) -> None:
    response = alice_client.post(
        "/meetings/new/", {"mode": "video", "kind": "network", "duration_minutes": 30}
    )
    assertContains(response, "Choose who you are meeting.")
    assertContains(response, "This field is required.")
    assert not Meeting.objects.exists()


def test_someone_elses_person_cannot_be_met(alice_client: Client, bob: User) -> None:
    outsider = services.create_person(bob, "Outsider")
    response = alice_client.post(
        "/meetings/new/",
        {
            "person": outsider.pk,
            "at": "2026-12-02T09:30",
            "duration_minutes": 30,
            "mode": "video",
            "kind": "network",
        },
    )
    assertContains(response, "Select a valid choice")
    assert not Meeting.objects.exists()


def test_log_an_outcome_through_the_form(
    alice_client: Client, meeting: Meeting
) -> None:
    url = reverse("meetings:outcome", args=[meeting.pk])
    response = alice_client.post(
        url,
        outcome_post(
            **{
                "notes": "Talked about research in hospitals.",
                "felt": "5",
                "is_fan": "on",
                "referrals-TOTAL_FORMS": "2",
                "referrals-0-name": "Arjun Mehta",
                "referrals-0-organization": "Cambia Health",
                "referrals-1-name": "Nina Kowalski",
                "referrals-1-email": "nina@intel.example",
                "paths-TOTAL_FORMS": "1",
                "paths-0-title": "UX research in health care",
                "leads-TOTAL_FORMS": "1",
                "leads-0-role": "UX Researcher",
                "leads-0-organization": "Providence",
            }
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.outcome.felt == 5
    assert {p.name: p.degree for p in Person.objects.filter(source="meeting")} == {
        "Arjun Mehta": 3,
        "Nina Kowalski": 3,
    }
    page = alice_client.get(meeting.get_absolute_url())
    for text in [
        "Arjun Mehta",
        "UX research in health care",
        "UX Researcher @ Providence",
        "Thank Sam Okafor for the meeting",
    ]:
        assertContains(page, text)


def test_a_failing_outcome_changes_nothing_and_keeps_every_field(
    alice_client: Client, meeting: Meeting
) -> None:
    url = reverse("meetings:outcome", args=[meeting.pk])
    response = alice_client.post(
        url,
        outcome_post(
            **{
                "notes": "Notes I must not lose",
                "referrals-TOTAL_FORMS": "2",
                "referrals-0-name": "Arjun Mehta",
                "referrals-1-name": "Bad Phone",
                "referrals-1-phone": "12",
                "paths-TOTAL_FORMS": "1",
                "paths-0-title": "A path to keep",
            }
        ),
    )
    assert response.status_code == 200
    assertContains(response, "is not a possible phone number")
    for text in [
        "Notes I must not lose",
        'value="Arjun Mehta"',
        'value="A path to keep"',
    ]:
        assertContains(response, text)
    assert not Person.objects.filter(source="meeting").exists()
    assert not CareerPath.objects.exists() and not FollowUp.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_a_possible_duplicate_asks_then_links(
    alice_client: Client, meeting: Meeting, alice: User
) -> None:
    arjun = services.create_person(alice, "Arjun Mehta", organization="Cambia Health")
    url = reverse("meetings:outcome", args=[meeting.pk])
    data = outcome_post(
        **{"referrals-TOTAL_FORMS": "1", "referrals-0-name": "Arjun Mehta"}
    )
    first = alice_client.post(url, data)
    assertContains(first, "may already be in your network")
    assertContains(first, f'name="referrals-0-match" value="{arjun.pk}"')
    assert Person.objects.filter(name="Arjun Mehta").count() == 1
    second = alice_client.post(url, {**data, "referrals-0-match": str(arjun.pk)})
    assert second.status_code == 302
    arjun.refresh_from_db()
    assert arjun.degree == 3 and Person.objects.filter(name="Arjun Mehta").count() == 1


def test_add_a_row_in_place(alice_client: Client, meeting: Meeting) -> None:
    url = reverse("meetings:outcome_row_hx", args=[meeting.pk, "referrals"])
    response = alice_client.get(url, {"referrals-TOTAL_FORMS": "3"})
    assertContains(response, 'name="referrals-3-name"')
    assertContains(response, 'name="referrals-TOTAL_FORMS" value="4"')
    assertContains(response, 'hx-swap-oob="true"')
    bad = reverse("meetings:outcome_row_hx", args=[meeting.pk, "nonsense"])
    assert alice_client.get(bad).status_code == 404


def test_pick_and_order_questions(alice_client: Client, meeting: Meeting) -> None:
    first, second, third = Question.objects.filter(owner=meeting.owner)[:3]
    pick = reverse("meetings:questions_pick", args=[meeting.pk])
    alice_client.post(pick, {"question": [first.pk, second.pk]})
    alice_client.post(pick, {"question": [third.pk]})
    texts = lambda: [q.text for q in meeting.questions.all()]  # noqa: E731
    assert texts() == [first.text, second.text, third.text]
    last = MeetingQuestion.objects.get(meeting=meeting, question=third)
    alice_client.post(reverse("meetings:question_up", args=[last.pk]))
    assert texts() == [first.text, third.text, second.text]
    alice_client.post(reverse("meetings:question_remove", args=[last.pk]))
    assert texts() == [first.text, second.text]
    first.text = "Edited in the bank later"
    first.save()
    assert texts()[0] != first.text  # what was asked stays as it was


def test_question_bank_starts_with_defaults_and_can_be_edited(
    alice_client: Client, alice: User
) -> None:
    page = alice_client.get("/questions/")
    assertContains(page, "Who else should I talk to")
    assertContains(page, "Trends")
    alice_client.post(
        "/questions/", {"text": "What would you do in my place?", "category": "advice"}
    )
    question = Question.objects.get(owner=alice, text="What would you do in my place?")
    alice_client.post(reverse("meetings:question_delete", args=[question.pk]))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_paths_board_groups_by_status_and_path_can_move(
    alice_client: Client, logged: Meeting
) -> None:
    path = CareerPath.objects.get()
    board = alice_client.get("/paths/").context["columns"]
    titles = {label: [p.title for p in paths] for label, paths in board}
    assert titles == {
        "Idea": ["Research ops"],
        "Exploring": [],
        "Pursuing": [],
        "Set aside": [],
    }
    alice_client.post(
        path.get_absolute_url(),
        {"title": path.title, "status": "pursuing", "next_step": "Talk to Zoe"},
    )
    path.refresh_from_db()
    assert (path.status, path.next_step) == ("pursuing", "Talk to Zoe")


def test_leads_show_the_chain_back_to_a_main_contact(
    alice_client: Client, logged: Meeting
) -> None:
    response = alice_client.get("/leads/")
    assert response.context["rows"][0]["chain"] == ["Dana Reyes", "Sam Okafor"]
    assertContains(response, "Me → Dana Reyes → Sam Okafor")
    lead = JobLead.objects.get()
    alice_client.post(
        lead.get_absolute_url(),
        {
            "role": "Researcher",
            "status": "applied",
            "heard_on": "2026-11-20",
            "organization_name": "Northwind",
        },
    )
    lead.refresh_from_db()
    assert lead.status == "applied"


def test_person_page_shows_meetings_and_what_they_led_to(
    alice_client: Client, logged: Meeting, sam: Person
) -> None:
    page = alice_client.get(sam.get_absolute_url())
    for text in [
        "Network meeting",
        "Research ops",
        "Researcher @ Northwind",
        "★ fan",
        "Plan a meeting",
    ]:
        assertContains(page, text)


def test_people_list_filters_fans(alice_client: Client, logged: Meeting) -> None:
    response = alice_client.get("/people/?fan=1")
    assert sorted(p.name for p in response.context["page"]) == [
        "Dana Reyes",
        "Sam Okafor",
    ]


def test_profile_story_shows_on_the_preparation_page(
    alice_client: Client, meeting: Meeting
) -> None:
    alice_client.post(
        "/profile/",
        {
            "two_minute_story": "Ten years teaching science.",
            "why_this_field": "I love watching people learn.",
        },
    )
    assertContains(
        alice_client.get(meeting.get_absolute_url()), "Ten years teaching science."
    )
    assertContains(
        alice_client.get(reverse("meetings:print", args=[meeting.pk])),
        "I love watching people learn.",
    )


def test_cancel_a_meeting(alice_client: Client, meeting: Meeting) -> None:
    alice_client.post(reverse("meetings:cancel", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED


@pytest.mark.parametrize("count", [3, 60])
def test_meeting_pages_make_a_bounded_number_of_queries(
    alice_client: Client, sam: Person, count: int, django_assert_max_num_queries
) -> None:
    start = timezone.now() - dt.timedelta(days=count)
    for day in range(count):
        meeting = create_meeting(sam, start + dt.timedelta(days=day))
        log_outcome(
            meeting,
            OutcomeData(
                notes="n",
                paths=[PathSuggestion(f"P{day % 5}")],
                leads=[LeadMention(f"Role {day}", "Org")],
            ),
        )
    for url in [
        "/meetings/",
        "/paths/",
        "/leads/",
        meeting.get_absolute_url(),
        reverse("meetings:outcome", args=[meeting.pk]),
    ]:
        with django_assert_max_num_queries(20):
            assert alice_client.get(url).status_code == 200, url


def test_names_make_a_fan_unless_the_box_is_changed(
    alice_client: Client, meeting: Meeting, sam: Person
) -> None:
    url = reverse("meetings:outcome", args=[meeting.pk])
    names = {"referrals-TOTAL_FORMS": "1", "referrals-0-name": "Arjun Mehta"}
    alice_client.post(url, outcome_post(**names))  # the fan box left as it was
    assertContains(alice_client.get(sam.get_absolute_url()), "★ A fan")
    form = alice_client.get(url).context["forms"].form
    assert form.initial["is_fan"] is True
    alice_client.post(url, outcome_post())  # now unticked on purpose: not a fan
    sam.refresh_from_db()
    assert sam.fan_override is False
