"""The journal's Atom feed, read by feedparser as a feed reader would."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from warmline.accounts import services as accounts
from warmline.accounts.models import User
from warmline.journal import services
from warmline.journal.tests.conftest import HOSTILE
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import OutcomeData, log_outcome
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 20)


def read(client: Client, user: User) -> feedparser.FeedParserDict:
    response = client.get(reverse("journal:feed", args=[user.journal_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_the_feed_carries_shared_entries_only(client: Client, alice: User) -> None:
    alice.time_zone = "America/Los_Angeles"
    alice.save()
    services.add_entry(
        alice, "Shared one", DAY, body="I *learned* a lot.", is_shared=True
    )
    services.add_entry(alice, "Private one", DAY, body="Secret doubts.")
    feed = read(client, alice)
    assert [e.title for e in feed.entries] == ["Shared one"]
    (entry,) = feed.entries
    assert entry.content[0].value.strip() == "<p>I <em>learned</em> a lot.</p>"
    assert entry.content[0].type == "text/html"
    assert entry.published_parsed and entry.updated_parsed
    # Written today about an earlier day: published at the start of that day, in
    # the seeker's zone.
    assert entry.published.startswith("2026-11-20T00:00:00-08:00")
    assert "Secret" not in str(feed)


def test_a_wrong_or_regenerated_token_is_a_404(client: Client, alice: User) -> None:
    old = reverse("journal:feed", args=[alice.journal_token])
    assert client.get(old).status_code == 200
    assert client.get(old.replace(alice.journal_token[:6], "xxxxxx")).status_code == 404
    accounts.regenerate_journal_token(alice)
    assert client.get(old).status_code == 404
    assert (
        client.get(reverse("journal:feed", args=[alice.journal_token])).status_code
        == 200
    )


def test_regenerating_from_the_journal_page(alice_client: Client, alice: User) -> None:
    old = alice.journal_token
    page = alice_client.get(reverse("journal:list"))
    assert f"/journal/feed/{old}/" in page.content.decode()
    alice_client.post(reverse("journal:feed_regenerate"))
    alice.refresh_from_db()
    assert alice.journal_token != old
    assert alice_client.get(f"/journal/feed/{old}/").status_code == 404


@pytest.mark.parametrize("payload", HOSTILE)
def test_script_payloads_are_escaped_in_the_feed(
    client: Client, alice: User, payload: str
) -> None:
    services.add_entry(alice, payload, DAY, body=payload, is_shared=True)
    response = client.get(reverse("journal:feed", args=[alice.journal_token]))
    raw = response.content.decode()
    assert "<script>" not in raw and "<img src" not in raw
    (entry,) = feedparser.parse(response.content).entries
    assert entry.title == payload  # the title as text, never markup
    html = entry.content[0].value
    assert (
        "<script" not in html
        and "<img" not in html
        and "javascript:" not in (html.split("href=")[1] if "href=" in html else "")
    )


def test_weekly_reports_join_the_feed_when_the_seeker_wishes(
    client: Client, alice: User, meeting: Meeting, sam: Person
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)):
        User.objects.filter(pk=alice.pk).update(date_joined=dt.datetime.now(dt.UTC))
    log_outcome(meeting, OutcomeData(notes="Good talk", learned_field="UX is busy."))
    with time_machine.travel(dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)):
        assert read(client, alice).entries == []
        User.objects.filter(pk=alice.pk).update(feed_has_reports=True)
        feed = read(client, alice)
    # Only the finished week with something in it: the week of the meeting.
    assert [e.title for e in feed.entries] == ["Networking report, week 2026-W47"]
    (entry,) = feed.entries
    html = entry.content[0].value
    assert "Meetings held: 1" in html
    assert "UX is busy." in html
    assert entry.published.startswith("2026-11-23T00:00:00")
