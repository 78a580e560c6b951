"""Follow-ups: dated tasks tied to a person."""

from __future__ import annotations

import datetime as dt

from warmline.outreach.models import FollowUp
from warmline.people.models import Person


def add_follow_up(
    person: Person,
    kind: str,
    title: str,
    due: dt.date,
    *,
    meeting_id: int | None = None,
) -> FollowUp:
    return FollowUp.objects.create(
        owner_id=person.owner_id,
        person=person,
        kind=kind,
        title=title,
        due=due,
        meeting_id=meeting_id,
    )
