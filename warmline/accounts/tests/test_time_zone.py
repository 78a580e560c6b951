"""The user's clock: each account lives in its own time zone, and everything shown
and typed (pages, forms, the CLI, the calendar) is in it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from warmline.accounts.models import User
from warmline.accounts.services import ensure_local_owner
from warmline.accounts.tests.factories import PASSWORD, UserFactory
from warmline.cli.tests.runner import cli
from warmline.core.zones import machine_zone
from warmline.home.calendar import calendar_for
from warmline.meetings.models import Meeting
from warmline.people import services as people

pytestmark = pytest.mark.django_db
LA = zoneinfo.ZoneInfo("America/Los_Angeles")


@pytest.fixture
def in_la(alice: User) -> User:
    alice.time_zone = "America/Los_Angeles"
    alice.save()
    return alice


def test_a_meeting_typed_at_10_30_is_10_30_where_the_user_lives(
    in_la: User, alice_client: Client
) -> None:
    sam = people.create_person(in_la, "Sam Okafor")
    alice_client.post(
        reverse("meetings:add"),
        {
            "person": sam.pk,
            "at": "2026-12-01T10:30",
            "duration_minutes": "45",
            "mode": "face_to_face",
            "kind": "network",
        },
    )
    meeting = Meeting.objects.get()
    assert meeting.at == dt.datetime(2026, 12, 1, 18, 30, tzinfo=dt.UTC)
    page = alice_client.get(meeting.get_absolute_url())
    assert "10:30" in page.content.decode()

    feed = calendar_for(in_la).decode()
    assert "DTSTART;TZID=America/Los_Angeles:20261201T103000" in feed
    assert "BEGIN:VTIMEZONE" in feed and "TZID:America/Los_Angeles" in feed
    (event,) = Calendar.from_ical(feed).walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start.astimezone(LA).time() == dt.time(10, 30)
    assert start == meeting.at


def test_the_cli_reads_at_in_the_users_zone(in_la: User) -> None:
    people.create_person(in_la, "Sam Okafor")
    code, output = cli("meetings", "add", "Sam Okafor", "--at", "2026-12-01 10:30")
    assert code == 0, output
    assert Meeting.objects.get().at == dt.datetime(2026, 12, 1, 18, 30, tzinfo=dt.UTC)


def test_today_rolls_over_at_the_users_midnight(in_la: User, bob: User) -> None:
    la, utc = Client(), Client()
    la.force_login(in_la)
    bob.time_zone = "UTC"
    bob.save()
    utc.force_login(bob)
    for owner in (in_la, bob):  # an empty network gets the welcome page instead
        people.create_person(owner, "Sam Okafor")
    # Saturday 23:30 in Los Angeles is already Sunday 07:30 in UTC.
    with time_machine.travel(dt.datetime(2026, 11, 28, 23, 30, tzinfo=LA), tick=False):
        assert la.get("/").context["t"].today == dt.date(2026, 11, 28)
        assert utc.get("/").context["t"].today == dt.date(2026, 11, 29)


def test_the_profile_sets_the_zone_and_refuses_a_made_up_one(
    alice: User, alice_client: Client
) -> None:
    form = {"first_name": "Alice", "time_zone": "Europe/Paris"}
    assert alice_client.post("/profile/", form).status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/Paris"
    page = alice_client.post("/profile/", {**form, "time_zone": "Mars/Olympus"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/Paris"


def test_a_new_account_takes_the_browsers_zone_at_its_first_sign_in() -> None:
    UserFactory.create(username="carol")
    sign_in = {"username": "carol", "password": PASSWORD}
    Client().post("/accounts/login/", {**sign_in, "time_zone": "Asia/Tokyo"})
    carol = User.objects.get(username="carol")
    assert carol.time_zone == "Asia/Tokyo"
    # Once chosen, a browser elsewhere does not change it.
    Client().post("/accounts/login/", {**sign_in, "time_zone": "Europe/Paris"})
    carol.refresh_from_db()
    assert carol.time_zone == "Asia/Tokyo"


def test_a_made_up_browser_zone_is_ignored() -> None:
    UserFactory.create(username="carol")
    Client().post(
        "/accounts/login/",
        {"username": "carol", "password": PASSWORD, "time_zone": "<script>"},
    )
    assert User.objects.get(username="carol").time_zone == ""


def test_the_local_owner_lives_in_the_machines_zone(settings) -> None:
    settings.TIME_ZONE = "Europe/Lisbon"
    owner = ensure_local_owner()
    assert owner is not None and owner.zone == zoneinfo.ZoneInfo("Europe/Lisbon")


def test_the_machines_zone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "Australia/Perth")
    assert machine_zone(tmp_path / "missing") == "Australia/Perth"
    monkeypatch.setenv("TZ", "nonsense")
    zoneinfo_dir = tmp_path / "usr/share/zoneinfo/America"
    zoneinfo_dir.mkdir(parents=True)
    (zoneinfo_dir / "Chicago").write_text("")
    localtime = tmp_path / "etc/localtime"
    localtime.parent.mkdir()
    localtime.symlink_to(zoneinfo_dir / "Chicago")
    assert machine_zone(localtime) == "America/Chicago"
    monkeypatch.delenv("TZ")
    assert machine_zone(tmp_path / "nowhere") == "UTC"
