"""Reads: meeting lists, a person's meeting history, and paths and leads with chains."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) reads it on 3.11

from warmline.accounts.models import User
from warmline.meetings.models import CareerPath, JobLead, Meeting
from warmline.people.models import Person
from warmline.people.queries import names_by_id


@dataclass(frozen=True)
class MeetingFilter:
    mode: str = ""
    kind: str = ""
    status: str = ""


def meetings_for(owner: User, f: MeetingFilter | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(owner=owner).select_related(
        "person", "person__organization"
    )
    f = f or MeetingFilter()
    if f.mode in Meeting.Mode.values:
        meetings = meetings.filter(mode=f.mode)
    if f.kind in Meeting.Kind.values:
        meetings = meetings.filter(kind=f.kind)
    if f.status in Meeting.Status.values:
        meetings = meetings.filter(status=f.status)
    return meetings


def upcoming_and_past(
    meetings: QuerySet[Meeting], now: dt.datetime | None = None
) -> tuple[QuerySet[Meeting], QuerySet[Meeting]]:
    """Planned meetings from now on (soonest first), and the rest (latest first)."""
    now = now or timezone.now()
    upcoming = meetings.filter(status=Meeting.Status.PLANNED, at__gte=now).order_by(
        "at"
    )
    past = meetings.exclude(pk__in=upcoming.values("pk")).order_by("-at", "-id")
    return upcoming, past


def meetings_with(person: Person) -> QuerySet[Meeting]:
    """A person's meetings with what came of each, latest first."""
    return (
        Meeting.objects.filter(person=person)
        .select_related("outcome")
        .prefetch_related(
            "introductions__person",
            "career_paths",
            Prefetch(
                "job_leads", queryset=JobLead.objects.select_related("organization")
            ),
        )
        .order_by("-at", "-id")
    )


def paths_board(owner: User) -> dict[str, list[CareerPath]]:
    """Career paths by status, in the board's column order."""
    board: dict[str, list[CareerPath]] = {s: [] for s in CareerPath.Status.values}
    paths = (
        CareerPath.objects.filter(owner=owner)
        .prefetch_related("people", "meetings__person")
        .order_by("title")
    )
    for path in paths:
        board[path.status].append(path)
    return board


def leads_with_chains(leads: QuerySet[JobLead]) -> list[dict[str, Any]]:
    """Each lead with the names from a main contact to the person it came through."""
    rows = list(leads.select_related("person", "organization", "meeting"))
    if not rows:
        return []
    names = names_by_id(
        rows[0].owner_id,
        (pk for lead in rows if lead.person for pk in lead.person.chain),
    )
    return [
        {
            "lead": lead,
            "chain": [names[pk] for pk in lead.person.chain if pk in names]
            if lead.person
            else [],
        }
        for lead in rows
    ]


class MeetingDict(TypedDict):
    """A meeting as plain data: the CLI's --json and the API (times in the user's
    zone)."""

    id: int
    person: str
    person_id: int
    at: str
    duration_minutes: int
    mode: str
    kind: str
    status: str
    pure: bool
    place: str


def meeting_as_dict(meeting: Meeting) -> MeetingDict:
    return {
        "id": meeting.pk,
        "person": meeting.person.name,
        "person_id": meeting.person_id,
        "at": timezone.localtime(meeting.at).isoformat(),
        "duration_minutes": meeting.duration_minutes,
        "mode": meeting.mode.replace("_", "-"),
        "kind": meeting.kind,
        "status": meeting.status.replace("_", "-"),
        "pure": meeting.is_pure,
        "place": meeting.place,
    }
