"""`warmline meetings list|add|log` through Typer's runner."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.outreach.models import FollowUp
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(alice: User) -> Person:
    dana = services.create_person(alice, "Dana Reyes", is_main_contact=True)
    return services.create_person(alice, "Sam Okafor", introduced_by=dana)


def test_add_and_list_meetings(sam: Person) -> None:
    added = cli_json(
        "meetings",
        "add",
        "Sam Okafor",
        "--at",
        "2026-12-01 14:30",
        "--mode",
        "video",
        "--kind",
        "coffee",
    )
    assert {k: added[k] for k in ("person", "mode", "kind", "status", "pure")} == {
        "person": "Sam Okafor",
        "mode": "video",
        "kind": "coffee",
        "status": "planned",
        "pure": True,
    }
    assert added["at"].startswith("2026-12-01T14:30")
    interview = cli_json(
        "meetings",
        "add",
        str(sam.pk),
        "--at",
        "2026-12-03T09:00",
        "--kind",
        "interview",
        "--not-pure",
    )
    assert interview["pure"] is False
    listed = cli_json("meetings", "list")
    assert [m["id"] for m in listed] == [interview["id"], added["id"]]
    assert set(listed[0]) >= {"id", "person", "at", "mode", "kind", "status", "pure"}


def test_a_bad_date_is_a_clear_error(sam: Person) -> None:
    code, output = cli("meetings", "add", "Sam Okafor", "--at", "next tuesday")
    assert code == 1 and "is not a date and time" in output
    assert not Meeting.objects.exists()


def test_log_a_meeting_with_names_paths_and_leads(sam: Person) -> None:
    meeting = cli_json("meetings", "add", "Sam Okafor", "--at", "2026-11-20 10:00")
    result = cli_json(
        "meetings",
        "log",
        str(meeting["id"]),
        "--notes",
        "Useful",
        "--felt",
        "4",
        "--referral",
        "Arjun Mehta, Cambia Health",
        "--referral",
        "Nina Kowalski",
        "--path",
        "UX research in health care",
        "--lead",
        "UX Researcher @ Providence",
    )
    assert result["meeting"]["status"] == "held"
    assert result["new_people"] == ["Arjun Mehta", "Nina Kowalski"]
    arjun = cli_json("people", "show", "Arjun Mehta")
    assert (arjun["degree"], arjun["organization"], arjun["chain"]) == (
        3,
        "Cambia Health",
        ["Dana Reyes", "Sam Okafor", "Arjun Mehta"],
    )
    assert CareerPath.objects.get().title == "UX research in health care"
    assert str(JobLead.objects.get()) == "UX Researcher @ Providence"
    assert FollowUp.objects.count() == 3
    sam_json = cli_json("people", "show", "Sam Okafor")
    assert (sam_json["is_fan"], sam_json["referrals_given"]) == (True, 2)


def test_a_likely_duplicate_stops_the_log_until_resolved(
    sam: Person, alice: User
) -> None:
    arjun = services.create_person(alice, "Arjun Mehta")
    meeting = cli_json("meetings", "add", "Sam Okafor", "--at", "2026-11-20 10:00")
    code, output = cli(
        "meetings", "log", str(meeting["id"]), "--referral", "Arjun Mehta"
    )
    assert code == 1
    assert f"#{arjun.pk} Arjun Mehta" in output and "Nothing was saved" in output
    assert Meeting.objects.get().status == "planned"
    linked = cli_json(
        "meetings", "log", str(meeting["id"]), "--referral", f"#{arjun.pk}"
    )
    assert linked["linked_people"] == ["Arjun Mehta"]
    again = cli_json(
        "meetings",
        "log",
        str(meeting["id"]),
        "--referral",
        "Arjun Mehta",
        "--new-referrals",
    )
    assert again["new_people"] == ["Arjun Mehta"]
    assert Person.objects.filter(name="Arjun Mehta").count() == 2


def test_fan_flag_and_unknown_meeting(sam: Person, bob: User) -> None:
    meeting = cli_json(
        "meetings", "add", "Sam Okafor", "--at", "2026-11-20 10:00", "--user", "alice"
    )
    cli_json("meetings", "log", str(meeting["id"]), "--no-fan", "--user", "alice")
    assert (
        cli_json("people", "show", "Sam Okafor", "--user", "alice")["is_fan"] is False
    )
    code, output = cli("meetings", "log", "9999", "--user", "alice")
    assert code == 1 and "No meeting with id 9999" in output
    code, output = cli("meetings", "log", str(meeting["id"]), "--user", "bob")
    assert code == 1 and "No meeting with id" in output
