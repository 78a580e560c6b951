"""The calendar as calendar apps read it: the secret feed and `warmline export ics`
parse with Python's icalendar and with khal, meetings at their time in the user's
zone, follow-ups as all-day events; and the page that hands the address out."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zoneinfo
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from pytest_django.asserts import assertContains

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.meetings.services import create_meeting
from warmline.outreach.models import FollowUp
from warmline.outreach.services import add_follow_up
from warmline.people import services as people

pytestmark = pytest.mark.django_db
LA = zoneinfo.ZoneInfo("America/Los_Angeles")
KHAL = Path(sys.executable).parent / "khal"


@pytest.fixture
def feeds(alice: User, alice_client: Client, tmp_path: Path) -> dict[str, bytes]:
    """The feed and the exported file of a user in Los Angeles with a meeting at
    10:30 there and a follow-up due on 29 November."""
    alice.time_zone = "America/Los_Angeles"
    alice.save()
    sam = people.create_person(alice, "Sam Okafor", is_main_contact=True)
    create_meeting(sam, dt.datetime(2026, 12, 1, 10, 30, tzinfo=LA), place="Café")
    add_follow_up(sam, FollowUp.Kind.OTHER, "Thank Sam", dt.date(2026, 11, 29))
    url = alice_client.get(reverse("home:calendar")).context["feed_url"]
    feed = Client().get(url[url.index("/calendar/") :])
    assert feed.status_code == 200
    code, output = cli("export", "ics", "-o", str(tmp_path / "export.ics"))
    assert code == 0, output
    return {"feed": feed.content, "export": (tmp_path / "export.ics").read_bytes()}


def test_the_feed_and_the_export_parse_with_icalendar(feeds: dict[str, bytes]) -> None:
    for source, body in feeds.items():
        cal = Calendar.from_ical(body)
        events = cal.walk("VEVENT")
        assert len(events) == 2, source
        for event in events:
            assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event), source
        meeting, thanks = events
        assert meeting["DTSTART"].params["TZID"] == "America/Los_Angeles"
        assert meeting.decoded("DTSTART") == dt.datetime(2026, 12, 1, 10, 30, tzinfo=LA)
        assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [
            "America/Los_Angeles"
        ]
        # A follow-up is a whole day: DATE values, not midnight.
        assert thanks["DTSTART"].params["VALUE"] == "DATE"
        assert type(thanks.decoded("DTSTART")) is dt.date
        assert thanks.decoded("DTSTART") == dt.date(2026, 11, 29)
        assert type(thanks.decoded("DTEND")) is dt.date
    uids = {
        s: [str(e["UID"]) for e in Calendar.from_ical(b).walk("VEVENT")]
        for s, b in feeds.items()
    }
    assert uids["feed"] == uids["export"]


def test_khal_reads_the_feed_and_the_export(
    feeds: dict[str, bytes], tmp_path: Path
) -> None:
    """khal (and so vdirsyncer's users) shows each event at the user's time."""
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[warmline]]\npath = {tmp_path / 'calendar'}\n"
        "[locale]\nlocal_timezone = America/Los_Angeles\n"
        "default_timezone = America/Los_Angeles\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("XDG_")},
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    for source, body in feeds.items():
        ics = tmp_path / f"{source}.ics"
        ics.write_bytes(body)
        done = subprocess.run(
            [str(KHAL), "-c", str(config), "printics", str(ics)],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert lines[0] == f"2 events found in {ics}", done.stdout
        meeting = "2026-12-01 10:30-2026-12-01 11:00 Network meeting with Sam Okafor"
        assert lines[1].startswith(meeting), done.stdout
        assert lines[2].startswith("2026-11-29-2026-11-29 Thank Sam"), done.stdout
        assert not done.stderr, done.stderr


def test_the_page_says_who_can_subscribe_and_offers_a_copy_and_a_download(
    alice_client: Client,
) -> None:
    page = alice_client.get(reverse("home:calendar"))
    url = page.context["feed_url"]
    path = url[url.index("/calendar/") :]
    assertContains(page, f'<code id="feed-url">{url}</code>')
    assertContains(page, 'data-copy="#feed-url"')
    assertContains(page, f'href="{path}" download="warmline.ics"')
    assertContains(page, "reachable from the internet")
    assertContains(page, "Thunderbird")
    # Served on this machine, the page says the address works only here.
    local = alice_client.get(reverse("home:calendar"), HTTP_HOST="127.0.0.1:8000")
    assertContains(local, "only on this computer")
    assert "only on this computer" not in page.content.decode()
