"""`warmline today`, `calls lists|log`, `followups` and `export ics`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from icalendar import Calendar

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.meetings.services import create_meeting
from warmline.outreach.models import CallList
from warmline.outreach.services import add_to_list
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def sam(alice: User) -> Person:
    return services.create_person(alice, "Sam Okafor", organization="Northwind")


def test_a_backdated_no_answer_counts_3b7_from_its_date(sam: Person) -> None:
    logged = cli_json(
        "calls",
        "log",
        "Sam Okafor",
        "--outcome",
        "no-answer",
        "--channel",
        "email",
        "--at",
        "2026-11-27 09:00",
    )
    assert (logged["outcome"], logged["channel"]) == ("no-answer", "email")
    assert [(f["kind"], f["due"]) for f in logged["follow_ups"]] == [
        ("reach_another", "2026-12-02"),
        ("follow_up", "2026-12-08"),
    ]
    listed = cli_json("followups")
    assert set(listed[0]) >= {"id", "person", "kind", "due", "status"}
    assert [f["due"] for f in listed] == ["2026-12-02", "2026-12-08"]
    with time_machine.travel(dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC), tick=False):
        assert [f["kind"] for f in cli_json("followups", "--due")] == ["reach_another"]
    replied = cli_json(
        "calls", "log", "Sam Okafor", "--outcome", "replied", "--at", "2026-11-30 10:00"
    )
    assert replied["follow_ups"] == []
    assert [f["status"] for f in cli_json("followups", "--all")] == [
        "cancelled",
        "cancelled",
    ]


def test_lists_and_today(alice: User, sam: Person) -> None:
    call_list = CallList.objects.create(owner=alice, name="Referrals")
    add_to_list(call_list, [sam])
    assert cli_json("calls", "lists") == [
        {
            "id": call_list.pk,
            "name": "Referrals",
            "purpose": "",
            "people": 1,
            "to_call": 1,
        }
    ]
    with time_machine.travel(NOW, tick=False):
        create_meeting(sam, NOW + dt.timedelta(hours=3))
        code, output = cli("today")
    assert code == 0
    assert "Meetings today" in output and "Sam Okafor" in output
    assert "Referrals: 1 to call" in output and "Calls made" in output


def test_unknown_outcome_is_refused(sam: Person) -> None:
    code, output = cli("calls", "log", "Sam Okafor", "--outcome", "ghosted")
    assert code == 2 and "ghosted" in output


def test_export_ics_to_a_file(sam: Person, tmp_path: Path) -> None:
    create_meeting(sam, NOW)
    target = tmp_path / "warmline.ics"
    code, _ = cli("export", "ics", "-o", str(target))
    assert code == 0
    cal = Calendar.from_ical(target.read_bytes())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == [
        "Network meeting with Sam Okafor"
    ]
    code, output = cli("export", "ics", "-o", str(tmp_path / "missing" / "x.ics"))
    assert code == 1 and "Cannot write" in output
