"""State changes to meetings, their question lists, career paths and job leads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core import ordering
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    MeetingQuestion,
    Question,
)
from warmline.meetings.question_bank import DEFAULT_QUESTIONS
from warmline.outreach.models import AttemptOutcome, CallSession
from warmline.outreach.services import log_attempt, meeting_booked
from warmline.people import derived
from warmline.people.models import Introduction, Person
from warmline.people.services import get_or_create_organization

MEETING_FIELDS = {
    "at",
    "duration_minutes",
    "place",
    "mode",
    "kind",
    "status",
    "is_pure",
    "goals",
    "research_notes",
    "why_organization",
    "resume",
}


def _keep_rules(meeting: Meeting) -> None:
    """The rules every meeting keeps, checked before each save."""
    # A job interview is for a position the seeker knows of: never a pure meeting.
    if meeting.kind == Meeting.Kind.INTERVIEW:
        meeting.is_pure = False
    if meeting.person.owner_id != meeting.owner_id:
        raise ValidationError("The person must be in your own network.")
    if meeting.resume is not None and meeting.resume.owner_id != meeting.owner_id:
        raise ValidationError("That resume version is not yours.")


@transaction.atomic
def create_meeting(person: Person, at: dt.datetime, **fields: Any) -> Meeting:
    """Plan a meeting with a person."""
    if unknown := set(fields) - MEETING_FIELDS:
        raise TypeError(f"Unknown meeting fields: {', '.join(sorted(unknown))}")
    meeting = Meeting(owner_id=person.owner_id, person=person, at=at, **fields)
    _keep_rules(meeting)
    meeting.full_clean(exclude=["owner", "person", "resume"])
    meeting.save()
    meeting_booked(person, timezone.now())  # a booked meeting answers any outreach
    return meeting


@transaction.atomic
def book_from_call(
    person: Person,
    at: dt.datetime,
    *,
    channel: str,
    notes: str = "",
    session: CallSession | None = None,
    called_at: dt.datetime | None = None,
    **fields: Any,
) -> Meeting:
    """A call that booked a meeting ("scheduled"), in a sitting or not: book the
    meeting and log the call (made `called_at`, else now) with it."""
    meeting = create_meeting(person, at, **fields)
    log_attempt(
        person,
        AttemptOutcome.SCHEDULED,
        channel=channel,
        at=called_at,
        notes=notes,
        session=session,
        meeting_id=meeting.pk,
    )
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, **fields: Any) -> Meeting:
    was_with, was_on = meeting.person_id, timezone.localdate(meeting.at)
    for name, value in fields.items():
        if name not in MEETING_FIELDS | {"person"}:
            raise TypeError(f"Unknown meeting field: {name}")
        setattr(meeting, name, value)
    _keep_rules(meeting)
    meeting.full_clean(exclude=["owner", "person", "resume"])
    meeting.save()
    day = timezone.localdate(meeting.at)
    moved = _redate_what_it_gave(meeting, day) if day != was_on else []
    # Information given in a meeting dates the help: a new date or person moves it.
    derived.changed(meeting.owner_id, touched=[was_with, meeting.person_id, *moved])
    return meeting


def _redate_what_it_gave(meeting: Meeting, day: dt.date) -> list[int]:
    """Names and leads given in a meeting count on its local day: move them to `day`.
    Gives the people whose join or first-help dates may move with them."""
    names = Introduction.objects.filter(meeting=meeting)
    leads = JobLead.objects.filter(meeting=meeting)
    people = [
        pk for pair in names.values_list("introducer_id", "person_id") for pk in pair
    ]
    people += leads.values_list("person_id", flat=True)
    names.update(introduced_on=day)
    leads.update(heard_on=day)
    return people


@transaction.atomic
def save_lead(lead: JobLead) -> JobLead:
    """Save a job lead; the day it was heard of dates the help of whoever gave it."""
    lead.save()
    derived.changed(lead.owner_id, touched=[lead.person_id])
    return lead


def cancel_meeting(meeting: Meeting) -> Meeting:
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    return meeting


@transaction.atomic
def set_questions(meeting: Meeting, questions: list[Question]) -> None:
    """Make these bank questions the meeting's list, keeping the order of those kept."""
    chosen = {q.pk: q for q in questions if q.owner_id == meeting.owner_id}
    current = list(meeting.questions.all())
    MeetingQuestion.objects.filter(
        pk__in=[mq.pk for mq in current if mq.question_id not in chosen]
    ).delete()
    kept = {mq.question_id for mq in current if mq.question_id in chosen}
    start = (meeting.questions.aggregate(m=Max("position"))["m"] or 0) + 1
    MeetingQuestion.objects.bulk_create(
        MeetingQuestion(meeting=meeting, question=q, text=q.text, position=start + i)
        for i, q in enumerate(q for pk, q in chosen.items() if pk not in kept)
    )
    ordering.renumber(
        MeetingQuestion, list(meeting.questions.order_by("position", "id"))
    )


@transaction.atomic
def move_question(item: MeetingQuestion, offset: int) -> None:
    """Move a question up (-1) or down (+1) in its meeting's list."""
    ordering.move(item.meeting.questions.all(), item, offset)


def remove_question(item: MeetingQuestion) -> None:
    """Take a question off a meeting's list (the bank keeps it)."""
    item.delete()


# The question bank --------------------------------------------------------------------


def add_default_questions(owner: User) -> None:
    """The question bank every account starts with (run once, when it is made)."""
    Question.objects.bulk_create(
        Question(owner=owner, category=category, text=text, position=index)
        for index, (category, text) in enumerate(DEFAULT_QUESTIONS)
    )


def add_question(owner: User, text: str, category: str) -> Question:
    last = Question.objects.filter(owner=owner).aggregate(m=Max("position"))["m"]
    question = Question(
        owner=owner, text=text, category=category, position=(last or 0) + 1
    )
    question.full_clean(exclude=["owner"])
    question.save()
    return question


def update_question(question: Question, text: str, category: str) -> Question:
    """Reword a bank question; meetings keep the words they were asked in."""
    question.text, question.category = text, category
    question.full_clean(exclude=["owner"])
    question.save()
    return question


def delete_question(question: Question) -> None:
    question.delete()


# Career paths and job leads -----------------------------------------------------------

PATH_FIELDS = {"title", "status", "description", "next_step"}


def create_path(owner: User, **fields: Any) -> CareerPath:
    return update_path(CareerPath(owner=owner), **fields)


def update_path(path: CareerPath, **fields: Any) -> CareerPath:
    if unknown := set(fields) - PATH_FIELDS:
        raise TypeError(f"Unknown career path fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(path, name, value)
    path.full_clean(exclude=["owner", "people", "meetings"])
    path.save()
    return path


def delete_path(path: CareerPath) -> None:
    path.delete()


@transaction.atomic
def update_lead(lead: JobLead, *, organization_name: str, **fields: Any) -> JobLead:
    """Edit a job lead; its organization is found or added by name."""
    for name, value in fields.items():
        setattr(lead, name, value)
    lead.organization = get_or_create_organization(lead.owner, organization_name)
    lead.full_clean(exclude=["owner", "organization", "person", "meeting"])
    return save_lead(lead)
