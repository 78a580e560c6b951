"""Ownership of meetings, resumes, questions, paths and leads (see accounts/access)."""

from __future__ import annotations

from warmline.accounts.access import owned
from warmline.accounts.models import User
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    MeetingQuestion,
    Question,
    ResumeVersion,
)


def get_meeting_for_user(user: User, pk: int) -> Meeting:
    meetings = Meeting.objects.select_related(
        "person", "person__organization", "resume"
    )
    return owned(meetings, user, pk, area="meetings")


def get_meeting_question_for_user(user: User, pk: int) -> MeetingQuestion:
    return owned(
        MeetingQuestion.objects.select_related("meeting"),
        user,
        pk,
        owner="meeting__owner",
        area="meetings",
    )


def get_resume_for_user(user: User, pk: int) -> ResumeVersion:
    return owned(ResumeVersion, user, pk, area="meetings")


def get_question_for_user(user: User, pk: int) -> Question:
    return owned(Question, user, pk, area="meetings")


def get_path_for_user(user: User, pk: int) -> CareerPath:
    return owned(CareerPath, user, pk, area="meetings")


def get_lead_for_user(user: User, pk: int) -> JobLead:
    return owned(
        JobLead.objects.select_related("person", "organization"),
        user,
        pk,
        area="meetings",
    )
