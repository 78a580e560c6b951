"""What meetings adds to a call session's page (registered with outreach)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from warmline.meetings.forms import BookMeetingForm
from warmline.meetings.models import Meeting
from warmline.outreach.models import CallSession
from warmline.outreach.session_extras import Booking, SessionExtras, register_extra
from warmline.people.models import Person


def add_booking(session: CallSession, person: Person, extras: SessionExtras) -> None:
    """Book the meeting on the spot, and recall the last time you met."""
    extras.booking = Booking(
        template="meetings/_book_from_session.html",
        form=BookMeetingForm(),
        url=reverse("meetings:book_from_session", args=[session.pk]),
    )
    held = person.meetings.filter(status=Meeting.Status.HELD, at__lte=timezone.now())
    last = held.select_related("outcome").order_by("-at").first()
    if last is not None:
        notes = getattr(last, "outcome", None)
        said = f": {notes.notes[:200]}" if notes and notes.notes else ""
        extras.history.append(
            (last.at, f"met ({last.get_mode_display().lower()}){said}")
        )


def register() -> None:
    register_extra(add_booking)
