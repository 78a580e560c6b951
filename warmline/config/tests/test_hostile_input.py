"""Odd input to the routes gets a clear answer, never a server error, and writes
nothing it should not: digits that are not ASCII ("²"), numbers past any column,
the same person twice, weeks outside the calendar, scores out of range."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.config.tests.routes import build_world, snapshot
from warmline.exchange.models import DistinctPair
from warmline.people.models import Organization

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"


def messages_of(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(m) for m in response.context["messages"])


def test_digits_that_are_not_ascii_and_huge_numbers_are_refused_quietly(
    alice: User, alice_client: Client
) -> None:
    world = build_world(alice)
    session = reverse("outreach:session", args=[world.session.pk])
    row = reverse("meetings:outcome_row_hx", args=[world.meeting.pk, "referrals"])
    before = snapshot()
    for response in (
        alice_client.get(session + "?i=²"),
        alice_client.post(session + "log/", {"i": "²", "outcome": "no_answer"}),
        alice_client.get(row + "?referrals-TOTAL_FORMS=²"),
        alice_client.post(
            reverse("meetings:questions_pick", args=[world.meeting.pk]),
            {"question": [HUGE, "²"]},
        ),
        alice_client.post(reverse("exchange:duplicate_apart"), {"keep": "²"}),
        alice_client.get(reverse("meetings:add") + "?person=²"),
        alice_client.get(reverse("insights:network_data") + f"?degree={HUGE}"),
    ):
        assert response.status_code in (200, 302, 404), response
    assert snapshot() == before


def test_the_same_person_twice_is_neither_merged_nor_kept_apart(
    alice: User, alice_client: Client
) -> None:
    world = build_world(alice)
    same = {"keep": world.person.pk, "other": world.person.pk}
    for verb in ("merge", "apart"):
        page = alice_client.post(
            reverse(f"exchange:duplicate_{verb}"), same, follow=True
        )
        assert messages_of(page) == "Choose two different people of your network."
    assert not DistinctPair.objects.exists()


def test_a_report_for_a_week_outside_the_calendar_says_so(
    alice: User, alice_client: Client
) -> None:
    for week in ("9999-W52", "0001-W01"):
        page = alice_client.get(reverse("insights:report") + f"?week={week}")
        assert page.status_code == 200
        assert "choose a week from 1900 to 2100" in messages_of(page)
    code, output = cli("report", "--week", "9999-W52")
    assert code == 1 and "choose a week from 1900 to 2100" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("motivation", "postings", "message"),
    [
        ("-1", "", "The motivation is a whole number."),
        ("abc", "", "The motivation is a whole number."),
        ("9", "", "Motivation: Ensure this value is less than or equal to 3."),
        ("", "0", "Postings: Ensure this value is greater than or equal to 1."),
    ],
)
def test_a_target_with_a_bad_score_is_refused_on_the_web_and_the_cli(
    alice: User, alice_client: Client, motivation: str, postings: str, message: str
) -> None:
    form = {"organization": "Acme", "motivation": motivation, "postings": postings}
    page = alice_client.post(reverse("insights:targets"), form, follow=True)
    assert messages_of(page) == message
    assert not Organization.objects.filter(is_target=True).exists()
    if motivation.lstrip("-").isdigit():
        code, output = cli("targets", "add", "Acme", "--motivation", motivation)
        assert code == 1 and "Motivation: Ensure this value" in output, output
        assert not Organization.objects.filter(is_target=True).exists()


def test_long_values_typed_by_hand_are_refused_the_same_on_every_database(
    alice: User, alice_client: Client
) -> None:
    """What broke only on PostgreSQL (values past a column's length) is refused by
    name before the database sees it, and nothing is written."""
    before = snapshot()
    for field, value, message in (
        ("emails", "a" * 300 + "@example.com", "longer than an email address can be"),
        ("organization", "O" * 250, "at most 200 characters"),
        ("tags", "ok, " + "t" * 70, "A tag has at most 60 characters"),
    ):
        page = alice_client.post(reverse("people:add"), {"name": "Sam", field: value})
        assert page.status_code == 200
        assert message in page.content.decode()
    assert snapshot() == before


def test_a_long_tag_from_an_import_is_cut_as_it_is_found(alice: User) -> None:
    """Imports cut a tag to fit (they cannot ask), the same way when looking it up,
    so two long spellings are one tag."""
    from warmline.people.services import create_person

    dana = create_person(alice, "Dana Reyes", tags=["t" * 70, "T" * 65])
    assert [t.name for t in dana.tags.all()] == ["t" * 60]
