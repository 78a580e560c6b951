"""Ownership of call lists, sessions, follow-ups, templates (accounts/access.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from warmline.accounts.access import owned
from warmline.accounts.models import User
from warmline.core.parsing import whole_number
from warmline.outreach.models import (
    CallList,
    CallListEntry,
    CallSession,
    FollowUp,
    MessageTemplate,
)
from warmline.people.models import Person


def get_list_for_user(user: User, pk: int) -> CallList:
    return owned(CallList, user, pk, area="outreach")


def get_entry_for_user(user: User, pk: int) -> CallListEntry:
    return owned(
        CallListEntry.objects.select_related("call_list", "person"),
        user,
        pk,
        owner="call_list__owner",
        area="outreach",
    )


def get_session_for_user(user: User, pk: int) -> CallSession:
    return owned(
        CallSession.objects.select_related("call_list"), user, pk, area="outreach"
    )


@dataclass
class Sitting:
    """A call session, its people in the order fixed at its start (removed ones left
    out), and who is at `position` (None past the end)."""

    session: CallSession
    queue: list[Person]
    position: int

    @property
    def person(self) -> Person | None:
        inside = 0 <= self.position < len(self.queue)
        return self.queue[self.position] if inside else None

    def url(self, offset: int = 0) -> str:
        """The session page at this position, moved by `offset`."""
        url = reverse("outreach:session", args=[self.session.pk])
        return f"{url}?i={max(self.position, 0) + offset}"


def get_sitting_for_user(user: User, pk: int, raw: str, default: int = -1) -> Sitting:
    """A user's sitting at a position; unreadable is `default` (-1: nobody, so a form
    posted with a bad position records nothing)."""
    session = get_session_for_user(user, pk)
    found = Person.objects.filter(owner_id=session.owner_id, pk__in=session.queue)
    people = found.select_related("organization").in_bulk()
    queue = [people[pk] for pk in session.queue if pk in people]
    position = whole_number(raw)
    return Sitting(session, queue, default if position is None else position)


def get_follow_up_for_user(user: User, pk: int) -> FollowUp:
    return owned(FollowUp.objects.select_related("person"), user, pk, area="outreach")


def get_template_for_user(user: User, pk: int) -> MessageTemplate:
    return owned(MessageTemplate, user, pk, area="outreach")
