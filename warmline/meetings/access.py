"""Ownership: a user's meetings, resumes, questions, paths and leads; 404 otherwise."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

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
    return get_object_or_404(meetings, owner=user, pk=pk)


def get_meeting_question_for_user(user: User, pk: int) -> MeetingQuestion:
    return get_object_or_404(
        MeetingQuestion.objects.select_related("meeting"), meeting__owner=user, pk=pk
    )


def get_resume_for_user(user: User, pk: int) -> ResumeVersion:
    return get_object_or_404(ResumeVersion, owner=user, pk=pk)


def get_question_for_user(user: User, pk: int) -> Question:
    return get_object_or_404(Question, owner=user, pk=pk)


def get_path_for_user(user: User, pk: int) -> CareerPath:
    return get_object_or_404(CareerPath, owner=user, pk=pk)


def get_lead_for_user(user: User, pk: int) -> JobLead:
    return get_object_or_404(
        JobLead.objects.select_related("person", "organization"), owner=user, pk=pk
    )
