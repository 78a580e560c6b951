"""Meetings: list, read, plan, change, and log what one gave."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import Id, MeetingIn, MeetingPatch, OutcomeIn, OutcomeOut
from warmline.meetings import services
from warmline.meetings.access import get_meeting_for_user, get_path_for_user
from warmline.meetings.outcomes import (
    LeadMention,
    OutcomeData,
    PathSuggestion,
    Referral,
    log_outcome,
)
from warmline.meetings.queries import MeetingDict, meeting_as_dict, meetings_for
from warmline.people.access import get_person_for_user

router = Router(tags=["meetings"])


@router.get("/meetings", response=answers(list[MeetingDict]))
def list_meetings(request: HttpRequest) -> list[MeetingDict]:
    """Every meeting, latest first."""
    found = meetings_for(owner(request)).select_related("person")
    return [meeting_as_dict(m) for m in found]


@router.get("/meetings/{meeting_id}", response=answers(MeetingDict))
def get_meeting(request: HttpRequest, meeting_id: Id) -> MeetingDict:
    return meeting_as_dict(get_meeting_for_user(owner(request), meeting_id))


@router.post("/meetings", response=answers(MeetingDict, 201))
def plan_meeting(request: HttpRequest, data: MeetingIn) -> Status[MeetingDict]:
    person = get_person_for_user(owner(request), data.person_id)
    fields = data.dict(exclude={"person_id", "at"})
    return Status(
        201, meeting_as_dict(services.create_meeting(person, data.at, **fields))
    )


@router.patch("/meetings/{meeting_id}", response=answers(MeetingDict))
def change_meeting(
    request: HttpRequest, meeting_id: Id, data: MeetingPatch
) -> MeetingDict:
    user = owner(request)
    meeting = get_meeting_for_user(user, meeting_id)
    fields: dict[str, Any] = data.dict(exclude_unset=True)
    if nulls := [name for name, value in fields.items() if value is None]:
        raise ValidationError({nulls[0]: "Give a value, or leave the field out."})
    if "person_id" in fields:
        fields["person"] = get_person_for_user(user, fields.pop("person_id"))
    return meeting_as_dict(services.update_meeting(meeting, **fields))


@router.post("/meetings/{meeting_id}/outcome", response=answers(OutcomeOut))
def log_meeting_outcome(
    request: HttpRequest, meeting_id: Id, data: OutcomeIn
) -> dict[str, Any]:
    """Log what a held meeting gave, all or nothing: each referral becomes a person
    introduced by the one met, on a call list with a follow-up; a thank-you follow-up
    is added. A referral that may be someone already there is a 409 until its
    `match` says "new" or gives their id."""
    user = owner(request)
    meeting = get_meeting_for_user(user, meeting_id)
    for path in data.paths:
        if path.existing_id is not None:
            get_path_for_user(user, path.existing_id)
    outcome = OutcomeData(
        **data.dict(exclude={"referrals", "paths", "leads"}),
        referrals=[Referral(**r.dict()) for r in data.referrals],
        paths=[PathSuggestion(**p.dict()) for p in data.paths],
        leads=[LeadMention(**lead.dict()) for lead in data.leads],
    )
    logged = log_outcome(meeting, outcome)
    return {
        "meeting_id": meeting.pk,
        "new_people": [p.pk for p in logged.new_people],
        "linked_people": [p.pk for p in logged.linked_people],
        "follow_ups": [f.pk for f in logged.follow_ups],
    }
