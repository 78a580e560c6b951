"""Reads: the journal, what its readers may see, and entries about a person or a
meeting."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from typing_extensions import TypedDict  # pydantic (the API) reads it on 3.11

from warmline.accounts.models import User
from warmline.journal.models import JournalEntry
from warmline.meetings.models import Meeting
from warmline.people.models import Person, Tag


def entries_for(owner: User, tag: str = "") -> QuerySet[JournalEntry]:
    """The owner's entries, newest day first, with their tags; only those with the
    tag `tag` (any case) when one is given."""
    entries = JournalEntry.objects.filter(owner=owner).prefetch_related(
        Prefetch("tags", queryset=Tag.objects.only("name"))
    )
    if tag:
        entries = entries.filter(tags__name__iexact=tag)
    return entries


class EntryDict(TypedDict):
    """An entry as plain data: the CLI's --json and the API."""

    id: int
    title: str
    day: str
    shared: bool
    tags: list[str]
    people: list[int]
    meetings: list[int]
    body: str


def entry_as_dict(entry: JournalEntry) -> EntryDict:
    """The entry as data; read from `entries_for` and `with_links`, its tags, people
    and meetings take one query each for a whole page."""
    return {
        "id": entry.pk,
        "title": entry.title,
        "day": entry.day.isoformat(),
        "shared": entry.is_shared,
        "tags": [t.name for t in entry.tags.all()],
        "people": sorted(p.pk for p in entry.people.all()),
        "meetings": sorted(m.pk for m in entry.meetings.all()),
        "body": entry.body,
    }


def with_links(entries: QuerySet[JournalEntry]) -> QuerySet[JournalEntry]:
    """Entries with their people and meetings fetched a query each (their tags
    come with `entries_for`)."""
    return entries.prefetch_related(
        Prefetch("people", queryset=Person.objects.only("pk")),
        Prefetch("meetings", queryset=Meeting.objects.only("pk")),
    )


def shared_entries(owner: User) -> QuerySet[JournalEntry]:
    """What readers of the journal may see (its feed; a coach): shared entries only.

    The one definition: every reader's view goes through it."""
    return entries_for(owner).filter(is_shared=True)


def entry_tags(owner: User) -> QuerySet[Tag]:
    """The tags on the owner's entries, each once, for the filter."""
    return Tag.objects.filter(owner=owner, pk__in=_tagged(owner)).only("name")


def _tagged(owner: User) -> QuerySet[JournalEntry]:
    return JournalEntry.tags.through.objects.filter(  # type: ignore[return-value]
        journalentry__owner=owner
    ).values("tag_id")


def entries_about_person(person: Person) -> QuerySet[JournalEntry]:
    return JournalEntry.objects.filter(owner_id=person.owner_id, people=person).only(
        "title", "day", "is_shared"
    )


def entries_about_meeting(meeting: Meeting) -> QuerySet[JournalEntry]:
    return JournalEntry.objects.filter(
        owner_id=meeting.owner_id, meetings=meeting
    ).only("title", "day", "is_shared")
