"""What the API reads: request bodies and the checked scalar types they use.

What it answers with is stated once where the CLI's --json is built
(people.queries.PersonDict, meetings.queries.MeetingDict,
outreach.queries.FollowUpDict) or below for shapes only the API has.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, Field

from warmline.accounts.models import Role
from warmline.core.fields import max_length
from warmline.core.ranges import LONGEST_MEETING_MINUTES, MOST_SNOOZE_DAYS
from warmline.journal.models import JournalEntry
from warmline.journal.queries import EntryDict
from warmline.meetings.models import Meeting
from warmline.outreach.models import AttemptOutcome, Channel
from warmline.people.models import Introduction
from warmline.people.queries import PersonDict

# Ids as the database keeps them (a bigger number is refused, never overflows).
Id = Annotated[int, Field(ge=1, le=2**53)]


def _storable(value: str) -> str:
    """Refuse what no database column keeps: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValueError("Text may not contain NUL characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return value


Text = Annotated[str, AfterValidator(_storable)]


def _aware(value: dt.datetime) -> dt.datetime:
    """A time without a zone is in the user's zone."""
    if timezone.is_naive(value):
        return value.replace(tzinfo=timezone.get_current_timezone())
    return value


When = Annotated[dt.datetime, AfterValidator(_aware)]


class PersonIn(Schema):
    name: Text = Field(min_length=1)
    organization: Text = ""
    title: Text = ""
    emails: list[Text] = []
    phones: list[Text] = []
    tags: list[Text] = []
    location: Text = ""
    notes: Text = ""
    linkedin_url: Text = ""
    is_main_contact: bool = False
    introduced_by: Id | None = None
    new: bool = Field(
        False, description="Add them even if they look like someone already there."
    )


class PersonPatch(Schema):
    """Only the fields given change; `introduced_by` makes that person the only
    introducer, null removes them all."""

    name: Text | None = None
    organization: Text | None = None
    title: Text | None = None
    emails: list[Text] | None = None
    phones: list[Text] | None = None
    tags: list[Text] | None = None
    location: Text | None = None
    notes: Text | None = None
    linkedin_url: Text | None = None
    is_main_contact: bool | None = None
    introduced_by: Id | None = None


class PeoplePage(Schema):
    items: list[PersonDict]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` for the next page; null on the last."
    )


class ProfileIn(Schema):
    """What a bookmarklet reads on a LinkedIn profile."""

    url: Text = Field(min_length=1, max_length=300)
    name: Text = Field(min_length=1)
    headline: Text = ""
    organization: Text = ""


class OrganizationIn(Schema):
    name: Text = Field(min_length=1)
    website: Text = ""
    industry: Text = ""
    notes: Text = ""


class OrganizationPatch(Schema):
    name: Text | None = None
    website: Text | None = None
    industry: Text | None = None
    notes: Text | None = None


class OrganizationOut(Schema):
    id: int
    name: str
    website: str
    industry: str
    notes: str
    is_target: bool
    motivation: int | None
    postings: int | None


class TargetIn(Schema):
    organization: Text = Field(min_length=1)
    motivation: int | None = Field(None, ge=0, le=3)
    postings: int | None = Field(None, ge=1, le=3)


class TargetOut(Schema):
    organization_id: int
    organization: str
    motivation: int | None
    postings: int | None
    advocate: bool
    people: list[str]
    path: list[str] | None


class IntroductionIn(Schema):
    introducer_id: Id
    person_id: Id
    introduced_on: dt.date | None = None
    note: Text = Field("", max_length=max_length(Introduction, "note"))


class IntroductionOut(Schema):
    id: int
    introducer_id: int
    introducer: str
    person_id: int
    person: str
    introduced_on: dt.date
    note: str


class TagOut(Schema):
    name: str
    people: int


class MeetingIn(Schema):
    person_id: Id
    at: When
    duration_minutes: int = Field(30, ge=1, le=LONGEST_MEETING_MINUTES)
    place: Text = ""
    mode: Literal[tuple(Meeting.Mode.values)] = "face_to_face"  # type: ignore[valid-type]
    kind: Literal[tuple(Meeting.Kind.values)] = "network"  # type: ignore[valid-type]
    is_pure: bool = True
    goals: Text = ""


class MeetingPatch(Schema):
    person_id: Id | None = None
    at: When | None = None
    duration_minutes: int | None = Field(None, ge=1, le=LONGEST_MEETING_MINUTES)
    place: Text | None = None
    mode: Literal[tuple(Meeting.Mode.values)] | None = None  # type: ignore[valid-type]
    kind: Literal[tuple(Meeting.Kind.values)] | None = None  # type: ignore[valid-type]
    status: Literal[tuple(Meeting.Status.values)] | None = None  # type: ignore[valid-type]
    is_pure: bool | None = None
    goals: Text | None = None


class ReferralIn(Schema):
    name: Text = Field(min_length=1)
    organization: Text = ""
    title: Text = ""
    email: Text = ""
    phone: Text = ""
    match: Text = Field(
        "",
        description='"" to be told of a likely duplicate (409), "new" to add them '
        "anyway, or the id of the person already in your network.",
    )


class PathIn(Schema):
    title: Text = ""
    existing_id: Id | None = None


class LeadIn(Schema):
    role: Text = Field(min_length=1)
    organization: Text = ""
    link: Text = ""


class OutcomeIn(Schema):
    notes: Text = ""
    resume_feedback: Text = ""
    learned_company: Text = ""
    learned_field: Text = ""
    learned_work: Text = ""
    felt: int | None = Field(None, ge=1, le=5)
    is_fan: bool | None = None
    referrals: list[ReferralIn] = []
    paths: list[PathIn] = []
    leads: list[LeadIn] = []


class OutcomeOut(Schema):
    meeting_id: int
    new_people: list[int]
    linked_people: list[int]
    follow_ups: list[int]


class AttemptIn(Schema):
    person_id: Id
    outcome: Literal[tuple(AttemptOutcome.values)]  # type: ignore[valid-type]
    channel: Literal[tuple(Channel.values)] = "phone"  # type: ignore[valid-type]
    at: When | None = None
    notes: Text = ""
    call_back_on: dt.date | None = None


class AttemptOut(Schema):
    id: int
    person_id: int
    outcome: str
    channel: str
    at: dt.datetime
    notes: str
    follow_ups: list[int] = Field(description="The person's open follow-ups now.")


class SnoozeIn(Schema):
    days: int = Field(1, ge=1, le=MOST_SNOOZE_DAYS)


class CallListIn(Schema):
    name: Text = Field(min_length=1)
    purpose: Text = ""


class CallListOut(Schema):
    id: int
    name: str
    purpose: str
    people: list[int] = Field(description="Person ids in calling order.")


class AddToListIn(Schema):
    person_ids: list[Id] = Field(min_length=1, max_length=1000)


class AddedOut(Schema):
    added: int


# At most this many people (or meetings) linked to one entry in one request.
MOST_LINKS = 100


class EntryIn(Schema):
    title: Text = Field(min_length=1, max_length=max_length(JournalEntry, "title"))
    day: dt.date | None = Field(None, description="Today if left out.")
    body: Text = Field("", description="Markdown.")
    tags: list[Text] = []
    is_shared: bool = Field(
        False,
        description="Shared entries are in your feed and seen by who follows you.",
    )
    person_ids: list[Id] = Field([], max_length=MOST_LINKS)
    meeting_ids: list[Id] = Field([], max_length=MOST_LINKS)


class EntryPatch(Schema):
    """Only the fields given change; lists replace what was there."""

    title: Text | None = Field(None, max_length=max_length(JournalEntry, "title"))
    day: dt.date | None = None
    body: Text | None = None
    tags: list[Text] | None = None
    is_shared: bool | None = None
    person_ids: list[Id] | None = Field(None, max_length=MOST_LINKS)
    meeting_ids: list[Id] | None = Field(None, max_length=MOST_LINKS)


class EntriesPage(Schema):
    items: list[EntryDict]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` for the next page; null on the last."
    )


class InvitationIn(Schema):
    role: Literal[tuple(Role.values)] = "coach"  # type: ignore[valid-type]


class InvitationOut(Schema):
    id: int
    role: str
    code: str = Field(description="Shown this once: only its hash is kept.")
    link: str
    expires_at: dt.datetime


class AcceptIn(Schema):
    code: Text = Field(min_length=1, max_length=100)


PersonOut = PersonDict
