"""The journal in the per-account JSON export: out, back in, and never twice."""

from __future__ import annotations

import datetime as dt

import pytest

from warmline.accounts.models import User
from warmline.exchange.exports import everything
from warmline.exchange.json_import import import_everything
from warmline.exchange.rows import ImportFileError
from warmline.journal import services
from warmline.journal.models import JournalEntry
from warmline.meetings.models import Meeting
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


def test_entries_come_back_with_their_links_and_once_only(
    alice: User, bob: User, sam: Person, meeting: Meeting
) -> None:
    services.add_entry(
        alice,
        "What Sam said",
        dt.date(2026, 11, 20),
        body="*Names*",
        tags=["lessons"],
        people=[sam],
        meetings=[meeting],
        is_shared=True,
    )
    data = everything(alice)
    assert import_everything(bob, data)["journal_entries"] == 1
    entry = JournalEntry.objects.get(owner=bob)
    assert (entry.title, entry.body, entry.day, entry.is_shared) == (
        "What Sam said",
        "*Names*",
        dt.date(2026, 11, 20),
        True,
    )
    assert [t.name for t in entry.tags.all()] == ["lessons"]
    assert [p.name for p in entry.people.all()] == ["Sam Okafor"]
    assert entry.people.get().owner == bob and entry.meetings.get().owner == bob
    with pytest.raises(ImportFileError, match="already has data"):
        import_everything(bob, data)
    assert JournalEntry.objects.filter(owner=bob).count() == 1
