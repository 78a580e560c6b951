"""State changes to journal entries: add, update, delete, share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from warmline.accounts.models import User
from warmline.journal.models import JournalEntry
from warmline.meetings.models import Meeting
from warmline.people.models import Person, Tag
from warmline.people.services import tag_named

ENTRY_FIELDS = {"title", "body", "day", "is_shared"}
LINKS = {"tags", "people", "meetings"}


def _check_links(
    owner_id: int, people: Iterable[Person], meetings: Iterable[Meeting]
) -> None:
    """Only the owner's own people and meetings are linked to their entries."""
    if any(p.owner_id != owner_id for p in people):
        raise ValidationError("Link only people in your own network.")
    if any(m.owner_id != owner_id for m in meetings):
        raise ValidationError("Link only your own meetings.")


def _tags(owner_id: int, names: Iterable[str]) -> list[Tag]:
    """The owner's tags of these names (created if new), each once."""
    first: dict[str, str] = {}
    for name in map(Tag.clean_name, names):
        if name:
            first.setdefault(name.casefold(), name)
    return [tag_named(owner_id, name) for name in first.values()]


def _save(entry: JournalEntry, links: dict[str, Any]) -> JournalEntry:
    entry.title = " ".join(entry.title.split())
    if not entry.title:
        raise ValidationError({"title": "Give the entry a title."})
    people = list(links.get("people") or [])
    meetings = list(links.get("meetings") or [])
    _check_links(entry.owner_id, people, meetings)
    entry.full_clean(exclude=["owner"])
    entry.save()
    if "tags" in links:
        entry.tags.set(_tags(entry.owner_id, links["tags"] or []))
    if "people" in links:
        entry.people.set(people)
    if "meetings" in links:
        entry.meetings.set(meetings)
    return entry


@transaction.atomic
def add_entry(owner: User, title: str, day: dt.date, **fields: Any) -> JournalEntry:
    """Write a new entry (private unless `is_shared`); `tags` are names, `people`
    and `meetings` the owner's own rows."""
    if unknown := set(fields) - ENTRY_FIELDS - LINKS:
        raise TypeError(f"Unknown journal entry fields: {', '.join(sorted(unknown))}")
    entry = JournalEntry(
        owner=owner,
        title=title,
        day=day,
        **{k: v for k, v in fields.items() if k in ENTRY_FIELDS},
    )
    links = {k: v for k, v in fields.items() if k in LINKS}
    return _save(entry, {"tags": [], **links})


@transaction.atomic
def update_entry(entry: JournalEntry, **fields: Any) -> JournalEntry:
    """Change an entry; links given replace the old ones, links not given stay."""
    if unknown := set(fields) - ENTRY_FIELDS - LINKS:
        raise TypeError(f"Unknown journal entry fields: {', '.join(sorted(unknown))}")
    for name in ENTRY_FIELDS & set(fields):
        setattr(entry, name, fields[name])
    return _save(entry, {k: v for k, v in fields.items() if k in LINKS})


def set_shared(entry: JournalEntry, shared: bool) -> JournalEntry:
    """Share an entry (its feed and, later, a coach see it) or make it private."""
    entry.is_shared = shared
    entry.save(update_fields=["is_shared", "updated_at"])
    return entry


def delete_entry(entry: JournalEntry) -> None:
    entry.delete()
