"""What counts as help in a meeting's wake, registered with people.dates.

A job lead is help on the day it was heard of; an outcome that gave feedback on the
resume or information (about the company, the field, the type of work) is help on
the meeting's day. People learns of both through `register_help`, from
MeetingsConfig.ready(), so it never imports meetings.
"""

from __future__ import annotations

from django.db.models import Q

from warmline.people.dates import HelpSource, register_help

INFORMATION = (
    Q(resume_feedback__gt="")
    | Q(learned_company__gt="")
    | Q(learned_field__gt="")
    | Q(learned_work__gt="")
)


def register() -> None:
    from warmline.meetings.models import JobLead, Outcome

    register_help(
        HelpSource(
            "job lead",
            lambda owner_id: JobLead.objects.filter(owner_id=owner_id),
            "person",
            "heard_on",
        )
    )
    register_help(
        HelpSource(
            "information in a meeting",
            lambda owner_id: Outcome.objects.filter(
                INFORMATION, meeting__owner_id=owner_id
            ),
            "meeting__person",
            "meeting__at",
        )
    )
