"""Attempts, follow-ups and call lists."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import (
    AddedOut,
    AddToListIn,
    AttemptIn,
    AttemptOut,
    CallListIn,
    CallListOut,
    Id,
    SnoozeIn,
)
from warmline.outreach import services
from warmline.outreach.access import get_follow_up_for_user, get_list_for_user
from warmline.outreach.models import CallList
from warmline.outreach.queries import (
    FollowUpDict,
    follow_up_as_dict,
    lists_for,
    pending_follow_ups,
)
from warmline.people.access import get_person_for_user

router = Router()


@router.post("/attempts", response=answers(AttemptOut, 201), tags=["attempts"])
def log_attempt(request: HttpRequest, data: AttemptIn) -> Status[dict[str, Any]]:
    """Log a try at reaching someone: no answer or a message left starts the 3B7
    follow-ups, "call back" adds one, an answer ends what was waiting."""
    person = get_person_for_user(owner(request), data.person_id)
    attempt = services.log_attempt(person, **data.dict(exclude={"person_id"}))
    pending = pending_follow_ups(owner(request)).filter(person=person)
    return Status(
        201,
        {
            "id": attempt.pk,
            "person_id": person.pk,
            "outcome": attempt.outcome,
            "channel": attempt.channel,
            "at": attempt.at,
            "notes": attempt.notes,
            "follow_ups": list(pending.values_list("pk", flat=True)),
        },
    )


@router.get("/follow-ups", response=answers(list[FollowUpDict]), tags=["follow-ups"])
def list_follow_ups(request: HttpRequest, due: bool = False) -> list[FollowUpDict]:
    """Open follow-ups, soonest first; `due=true`: only those due today or before."""
    found = pending_follow_ups(owner(request)).select_related("person")
    if due:
        found = found.filter(due__lte=timezone.localdate())
    return [follow_up_as_dict(f) for f in found.order_by("due", "id")]


@router.post(
    "/follow-ups/{follow_up_id}/done",
    response=answers(FollowUpDict),
    tags=["follow-ups"],
)
def complete_follow_up(request: HttpRequest, follow_up_id: Id) -> FollowUpDict:
    follow_up = get_follow_up_for_user(owner(request), follow_up_id)
    services.complete_follow_up(follow_up)
    return follow_up_as_dict(follow_up)


@router.post(
    "/follow-ups/{follow_up_id}/snooze",
    response=answers(FollowUpDict),
    tags=["follow-ups"],
)
def snooze_follow_up(
    request: HttpRequest, follow_up_id: Id, data: SnoozeIn
) -> FollowUpDict:
    """Put it off by `days` from its due day (from today when already due)."""
    follow_up = get_follow_up_for_user(owner(request), follow_up_id)
    services.snooze_follow_up(follow_up, data.days)
    return follow_up_as_dict(follow_up)


def _call_list(call_list: CallList) -> dict[str, Any]:
    people = call_list.entries.order_by("position", "id").values_list(
        "person_id", flat=True
    )
    return {
        "id": call_list.pk,
        "name": call_list.name,
        "purpose": call_list.purpose,
        "people": list(people),
    }


@router.get("/call-lists", response=answers(list[CallListOut]), tags=["call lists"])
def list_call_lists(request: HttpRequest) -> list[dict[str, Any]]:
    found = lists_for(owner(request)).prefetch_related("entries")
    return [
        {
            "id": c.pk,
            "name": c.name,
            "purpose": c.purpose,
            "people": [
                e.person_id
                for e in sorted(c.entries.all(), key=lambda e: (e.position, e.pk))
            ],
        }
        for c in found
    ]


@router.get(
    "/call-lists/{call_list_id}", response=answers(CallListOut), tags=["call lists"]
)
def get_call_list(request: HttpRequest, call_list_id: Id) -> dict[str, Any]:
    return _call_list(get_list_for_user(owner(request), call_list_id))


@router.post("/call-lists", response=answers(CallListOut, 201), tags=["call lists"])
def add_call_list(request: HttpRequest, data: CallListIn) -> Status[dict[str, Any]]:
    call_list = services.create_call_list(owner(request), data.name, data.purpose)
    return Status(201, _call_list(call_list))


@router.post(
    "/call-lists/{call_list_id}/people", response=answers(AddedOut), tags=["call lists"]
)
def add_to_call_list(
    request: HttpRequest, call_list_id: Id, data: AddToListIn
) -> dict[str, int]:
    """Add people (in the order given) after those already on the list."""
    user = owner(request)
    call_list = get_list_for_user(user, call_list_id)
    people = [get_person_for_user(user, pk) for pk in data.person_ids]
    return {"added": services.add_to_list(call_list, people)}


@router.delete(
    "/call-lists/{call_list_id}", response=answers(None, 204), tags=["call lists"]
)
def remove_call_list(request: HttpRequest, call_list_id: Id) -> Status[None]:
    services.delete_call_list(get_list_for_user(owner(request), call_list_id))
    return Status(204, None)
