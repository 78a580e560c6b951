"""Journal services and queries: what is written, and what readers may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.journal import queries, services
from warmline.journal.models import JournalEntry
from warmline.meetings.models import Meeting
from warmline.people import services as people
from warmline.people.models import Person, Tag

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 20)


def test_an_entry_is_private_until_shared(alice: User) -> None:
    entry = services.add_entry(alice, "First week", DAY, body="*Hard*.")
    assert entry.is_shared is False
    assert list(queries.shared_entries(alice)) == []
    services.set_shared(entry, True)
    assert list(queries.shared_entries(alice)) == [entry]
    services.set_shared(entry, False)
    assert list(queries.shared_entries(alice)) == []


def test_tags_are_the_owners_tags_each_once(alice: User, sam: Person) -> None:
    people.set_tags(sam, ["Lessons"])
    entry = services.add_entry(
        alice, "T", DAY, tags=["lessons", "UX", "ux", " ", "LESSONS"]
    )
    assert sorted(t.name for t in entry.tags.all()) == ["Lessons", "UX"]
    assert Tag.objects.filter(owner=alice).count() == 2
    assert list(queries.entries_for(alice, "ux")) == [entry]
    assert list(queries.entries_for(alice, "nothing")) == []


def test_links_to_people_and_meetings(
    alice: User, sam: Person, meeting: Meeting
) -> None:
    entry = services.add_entry(alice, "T", DAY, people=[sam], meetings=[meeting])
    assert list(queries.entries_about_person(sam)) == [entry]
    assert list(queries.entries_about_meeting(meeting)) == [entry]
    services.update_entry(entry, title="New title")  # links not given stay
    assert list(entry.people.all()) == [sam]
    services.update_entry(entry, people=[], meetings=[])
    assert not entry.people.exists() and not entry.meetings.exists()


def test_another_users_person_or_meeting_is_refused(
    alice: User, bob: User, meeting: Meeting
) -> None:
    bobs = people.create_person(bob, "Bob's friend")
    with pytest.raises(ValidationError, match="your own network"):
        services.add_entry(alice, "T", DAY, people=[bobs])
    with pytest.raises(ValidationError, match="your own meetings"):
        services.add_entry(bob, "T", DAY, meetings=[meeting])
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("title", "day"), [("  ", DAY), ("T", dt.date(1899, 12, 31)), ("x" * 201, DAY)]
)
def test_bad_input_changes_nothing(alice: User, title: str, day: dt.date) -> None:
    with pytest.raises(ValidationError):
        services.add_entry(alice, title, day, tags=["new tag"])
    assert not JournalEntry.objects.exists()
    assert not Tag.objects.exists()


def test_the_journal_is_newest_day_first(alice: User) -> None:
    old = services.add_entry(alice, "Old", DAY)
    new = services.add_entry(alice, "New", DAY + dt.timedelta(days=3))
    assert list(queries.entries_for(alice)) == [new, old]


def test_delete_an_entry(alice: User) -> None:
    services.delete_entry(services.add_entry(alice, "T", DAY))
    assert not JournalEntry.objects.exists()
