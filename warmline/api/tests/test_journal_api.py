"""The journal through the API: write, list with a tag and cursors, read, change,
remove, and links only to the user's own people and meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.journal import services
from warmline.journal.models import JournalEntry
from warmline.journal.queries import EntryDict, entries_for, entry_as_dict, with_links
from warmline.meetings.services import create_meeting
from warmline.people.services import create_person

pytestmark = pytest.mark.django_db


def test_an_entry_is_written_read_changed_and_removed(
    alice: User, alice_api: ApiClient
) -> None:
    sam = create_person(alice, "Sam Okafor")
    coffee = create_meeting(sam, timezone.now())
    made = alice_api.post(
        "journal",
        {
            "title": "  What  Sam said ",
            "day": "2026-11-20",
            "body": "Ask about *research*.",
            "tags": ["lessons", "Lessons", "health"],
            "is_shared": True,
            "person_ids": [sam.pk],
            "meeting_ids": [coffee.pk],
        },
    )
    assert made.status_code == 201, made.content
    body = made.json()
    entry = JournalEntry.objects.get()
    assert set(body) == set(EntryDict.__annotations__)
    assert body == entry_as_dict(with_links(entries_for(alice)).get())
    assert body["title"] == "What Sam said" and body["shared"] is True
    assert sorted(body["tags"]) == ["health", "lessons"]
    assert (body["people"], body["meetings"]) == ([sam.pk], [coffee.pk])
    assert alice_api.get(f"journal/{entry.pk}").json() == body

    changed = alice_api.patch(
        f"journal/{entry.pk}", {"is_shared": False, "person_ids": [], "tags": ["a"]}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json() == {
        **body,
        "shared": False,
        "people": [],
        "tags": ["a"],
    }
    refused = alice_api.patch(f"journal/{entry.pk}", {"title": None})
    assert refused.status_code == 422 and error_of(refused)["field"] == "title"
    blank = alice_api.patch(f"journal/{entry.pk}", {"title": "   "})
    assert blank.status_code == 422 and error_of(blank)["field"] == "title"

    assert alice_api.delete(f"journal/{entry.pk}").status_code == 204
    assert not JournalEntry.objects.exists()
    assert alice_api.get(f"journal/{entry.pk}").status_code == 404


def test_the_day_is_today_when_left_out(alice: User, alice_api: ApiClient) -> None:
    made = alice_api.post("journal", {"title": "Today"})
    assert made.status_code == 201
    assert made.json()["day"] == timezone.localdate().isoformat()
    assert made.json()["shared"] is False


def test_the_list_filters_by_tag_and_pages_with_a_cursor(
    alice: User, bob: User, alice_api: ApiClient
) -> None:
    day = dt.date(2026, 11, 1)
    written = [
        services.add_entry(alice, f"Entry {n}", day, tags=["odd"] if n % 2 else [])
        for n in range(5)
    ]
    services.add_entry(bob, "Bob's", day, tags=["odd"])
    first = alice_api.get("journal", limit=2).json()
    assert [e["id"] for e in first["items"]] == [e.pk for e in written[:2]]
    rest = alice_api.get("journal", limit=10, cursor=first["next_cursor"]).json()
    assert [e["id"] for e in rest["items"]] == [e.pk for e in written[2:]]
    assert rest["next_cursor"] is None
    odd = alice_api.get("journal", tag="ODD").json()["items"]
    assert [e["title"] for e in odd] == ["Entry 1", "Entry 3"]
    bad = alice_api.get("journal", cursor="nope")
    assert bad.status_code == 422 and error_of(bad)["field"] == "cursor"


def test_links_to_another_users_people_or_meetings_are_404(
    alice: User, bob: User, alice_api: ApiClient
) -> None:
    bobs = create_person(bob, "Bob's friend")
    bobs_meeting = create_meeting(bobs, timezone.now())
    mine = services.add_entry(alice, "Mine", dt.date(2026, 11, 1))
    for body in ({"person_ids": [bobs.pk]}, {"meeting_ids": [bobs_meeting.pk]}):
        added = alice_api.post("journal", {"title": "Try", **body})
        assert added.status_code == 404, body
        assert error_of(added)["message"] == "Not found."
        assert alice_api.patch(f"journal/{mine.pk}", body).status_code == 404
    assert list(JournalEntry.objects.values_list("title", flat=True)) == ["Mine"]
    assert not mine.people.exists() and not mine.meetings.exists()


def test_a_read_token_cannot_write_the_journal(
    alice: User, alice_reader: ApiClient
) -> None:
    entry = services.add_entry(alice, "Mine", dt.date(2026, 11, 1))
    assert alice_reader.get(f"journal/{entry.pk}").status_code == 200
    for response in (
        alice_reader.post("journal", {"title": "New"}),
        alice_reader.patch(f"journal/{entry.pk}", {"title": "Changed"}),
        alice_reader.delete(f"journal/{entry.pk}"),
    ):
        assert response.status_code == 403
        assert "only read" in error_of(response)["message"]
    assert list(JournalEntry.objects.values_list("title", flat=True)) == ["Mine"]
