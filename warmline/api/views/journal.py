"""The journal: list, read, write, change and remove entries."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from warmline.accounts.models import User
from warmline.api import pages
from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import EntriesPage, EntryIn, EntryPatch, Id, Text
from warmline.journal import services
from warmline.journal.access import get_entry_for_user
from warmline.journal.queries import EntryDict, entries_for, entry_as_dict, with_links
from warmline.meetings.access import get_meeting_for_user
from warmline.people.access import get_person_for_user

router = Router(tags=["journal"])


class EntriesQuery(Schema):
    tag: Text = Field("", description="Only entries with this tag (any case).")
    cursor: Text | None = None
    limit: int = Field(50, ge=1, le=100)


def _entry(user: User, entry_id: int) -> EntryDict:
    """The entry as the API answers it, read back with its links."""
    get_entry_for_user(user, entry_id)  # the access rule: 404, or 403 to a viewer
    return entry_as_dict(with_links(entries_for(user)).get(pk=entry_id))


def _links(user: User, fields: dict[str, Any]) -> dict[str, Any]:
    """`person_ids` and `meeting_ids` as the user's own rows (another user's id is
    a 404, as everywhere in the API), under the names the service takes."""
    if "person_ids" in fields:
        fields["people"] = [
            get_person_for_user(user, pk) for pk in fields.pop("person_ids")
        ]
    if "meeting_ids" in fields:
        ids = fields.pop("meeting_ids")
        fields["meetings"] = [get_meeting_for_user(user, pk) for pk in ids]
    return fields


@router.get("/journal", response=answers(EntriesPage))
def list_entries(request: HttpRequest, filters: Query[EntriesQuery]) -> dict[str, Any]:
    """Your entries in the order they were written, a page at a time
    (`next_cursor`)."""
    user = owner(request)
    ids, next_cursor = pages.page_of(
        entries_for(user, filters.tag), filters.cursor, filters.limit
    )
    found = with_links(entries_for(user).filter(pk__in=ids))
    rows = {e.pk: entry_as_dict(e) for e in found}
    return {"items": [rows[pk] for pk in ids], "next_cursor": next_cursor}


@router.get("/journal/{entry_id}", response=answers(EntryDict))
def get_entry(request: HttpRequest, entry_id: Id) -> EntryDict:
    return _entry(owner(request), entry_id)


@router.post("/journal", response=answers(EntryDict, 201))
def add_entry(request: HttpRequest, data: EntryIn) -> Status[EntryDict]:
    """Write an entry, private unless `is_shared`; `person_ids` and `meeting_ids`
    link your own people and meetings."""
    user = owner(request)
    fields = _links(user, data.dict(exclude={"title", "day"}))
    day = data.day or timezone.localdate()
    entry = services.add_entry(user, data.title, day, **fields)
    return Status(201, _entry(user, entry.pk))


@router.patch("/journal/{entry_id}", response=answers(EntryDict))
def change_entry(request: HttpRequest, entry_id: Id, data: EntryPatch) -> EntryDict:
    """Change what is given; `tags`, `person_ids` and `meeting_ids` replace what
    was there."""
    user = owner(request)
    entry = get_entry_for_user(user, entry_id)
    fields = data.dict(exclude_unset=True)
    if nulls := [name for name, value in fields.items() if value is None]:
        raise ValidationError({nulls[0]: "Give a value, or leave the field out."})
    services.update_entry(entry, **_links(user, fields))
    return _entry(user, entry_id)


@router.delete("/journal/{entry_id}", response=answers(None, 204))
def remove_entry(request: HttpRequest, entry_id: Id) -> Status[None]:
    """Remove an entry and the comments on it."""
    services.delete_entry(get_entry_for_user(owner(request), entry_id))
    return Status(204, None)
