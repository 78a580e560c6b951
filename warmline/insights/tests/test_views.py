"""Insights, network, targets and report pages: owner, outsider, bounded queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from typer.testing import CliRunner

from warmline.accounts.models import User
from warmline.cli import app
from warmline.insights import network
from warmline.meetings.outcomes import OutcomeData, Referral, log_outcome
from warmline.meetings.services import create_meeting
from warmline.outreach.services import log_attempt
from warmline.people import services
from warmline.people.models import Organization, Person
from warmline.people.synthetic import build_network

pytestmark = pytest.mark.django_db
PAGES = [
    "/insights/",
    "/insights/?period=4w",
    "/insights/?period=all&meetings=4",
    "/insights/report/",
    "/insights/report/?week=2026-W48",
    "/network/",
    "/network/data/",
    "/targets/",
]


@pytest.fixture
def dana(alice: User) -> Person:
    dana = services.create_person(
        alice, "Dana Reyes", is_main_contact=True, organization="Nike"
    )
    meeting = create_meeting(dana, timezone.now() - dt.timedelta(days=1))
    log_outcome(meeting, OutcomeData(referrals=[Referral("Sam Okafor")]))
    return dana


def test_owner_sees_every_page_and_anonymous_logs_in(
    alice_client: Client, dana: Person
) -> None:
    for url in PAGES:
        assert alice_client.get(url).status_code == 200, url
        assert Client().get(url).status_code == 302, url


def test_an_outsider_sees_none_of_it(bob_client: Client, dana: Person) -> None:
    assertNotContains(bob_client.get("/insights/"), "Dana Reyes")
    data = bob_client.get("/network/data/").json()
    assert [e["data"]["id"] for e in data["elements"]] == ["me"]
    Organization.objects.filter(name="Nike").update(is_target=True)
    assertNotContains(bob_client.get("/targets/"), "Nike")
    org = Organization.objects.get(name="Nike")
    assert bob_client.post(f"/targets/{org.pk}/remove/").status_code == 404


def test_network_data_has_me_people_and_introductions(
    alice_client: Client, dana: Person
) -> None:
    data = alice_client.get("/network/data/").json()
    ids = {e["data"]["id"] for e in data["elements"]}
    sam = Person.objects.get(name="Sam Okafor")
    assert {
        "me",
        str(dana.pk),
        str(sam.pk),
        f"m{dana.pk}",
        f"i{dana.pk}-{sam.pk}",
    } <= ids
    node = next(e["data"] for e in data["elements"] if e["data"]["id"] == str(dana.pk))
    assert node["fan"] is True and node["url"] == f"/people/{dana.pk}/"
    only_main = alice_client.get("/network/data/?degree=1").json()
    assert only_main["total"] == 1


def test_a_large_network_is_limited_with_a_note(alice: User, monkeypatch) -> None:
    build_network(alice, 50)
    monkeypatch.setattr(network, "MAX_NODES", 20)
    data = network.graph(alice)
    assert (data["shown"], data["total"], data["limited"]) == (20, 50, True)


def test_add_and_remove_a_target(
    alice_client: Client, alice: User, dana: Person
) -> None:
    alice_client.post(
        "/targets/", {"organization": "NIKE, Inc.", "motivation": "3", "postings": "2"}
    )
    org = Organization.objects.get(owner=alice, name="Nike")
    assert (org.is_target, org.motivation, org.postings) == (True, 3, 2)
    assertContains(alice_client.get("/targets/"), "Me → Dana Reyes")
    alice_client.post(f"/targets/{org.pk}/remove/")
    org.refresh_from_db()
    assert not org.is_target


def test_report_page_and_a_bad_week(alice_client: Client, dana: Person) -> None:
    page = alice_client.get("/insights/report/")
    assert page.context["r"]["meetings_held"] in (0, 1)  # yesterday may be last week
    assertContains(
        alice_client.get("/insights/report/?week=nonsense", follow=True),
        "not an ISO week",
    )


@pytest.mark.parametrize("size", [10, 400])
def test_insights_graph_and_report_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    people = build_network(alice, size)
    for person in people[: size // 2]:
        log_attempt(person, "replied", channel="email")
    for person in people[:: max(1, size // 20)]:
        meeting = create_meeting(person, timezone.now() - dt.timedelta(days=3))
        log_outcome(meeting, OutcomeData(notes="ok"))
    for url in [
        "/insights/?period=all",
        "/network/data/",
        "/insights/report/",
        "/targets/",
    ]:
        with django_assert_max_num_queries(30):
            assert alice_client.get(url).status_code == 200, url


def test_cli_targets_and_report(alice: User, dana: Person) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["targets", "add", "Nike", "--motivation", "3", "--postings", "1"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["targets", "--json"]).output)
    assert rows == [
        {
            "organization": "Nike",
            "motivation": 3,
            "postings": 1,
            "advocate": True,
            "people": ["Dana Reyes"],
            "path": ["Dana Reyes"],
        }
    ]
    week = timezone.localdate().isocalendar()
    report = json.loads(
        runner.invoke(
            app,
            ["report", "--week", f"{week.year}-W{week.week:02d}", "--format", "json"],
        ).output
    )
    assert set(report) >= {
        "calls_made",
        "people_reached",
        "meetings_held",
        "names_gathered",
        "new_fans",
        "job_leads",
    }
    html = runner.invoke(app, ["report", "--format", "html"]).output
    assert html.startswith("<!doctype html>") and "Networking report" in html
    bad = runner.invoke(app, ["report", "--week", "someday"])
    assert bad.exit_code == 1 and "not an ISO week" in bad.output
