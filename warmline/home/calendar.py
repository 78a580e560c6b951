"""Meetings and follow-ups as iCalendar (RFC 5545), for export and a feed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from icalendar import Calendar, Event, Todo

from warmline import __version__
from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.outreach.queries import pending_follow_ups

UID_DOMAIN = "warmline.local"


def _end(meeting: Meeting) -> dt.datetime:
    """When the meeting ends; a row from before dates were checked (year 9999) ends
    as it starts rather than overflowing and taking the whole feed down."""
    try:
        return (meeting.at + dt.timedelta(minutes=meeting.duration_minutes)).astimezone(
            dt.UTC
        )
    except OverflowError:
        return meeting.at.astimezone(dt.UTC)


def calendar_for(owner: User, *, base_url: str = "") -> bytes:
    """Every meeting (as events) and open follow-up (as to-dos) of one owner."""
    cal = Calendar()
    cal.add("prodid", f"-//Warmline//Warmline {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Warmline")
    stamp = timezone.now().astimezone(dt.UTC)
    meetings = Meeting.objects.filter(owner=owner).exclude(
        status=Meeting.Status.CANCELLED
    )
    for meeting in meetings.select_related("person", "person__organization"):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.at.astimezone(dt.UTC))
        event.add("dtend", _end(meeting))
        event.add("summary", f"{meeting.get_kind_display()} with {meeting.person.name}")
        if meeting.place:
            event.add("location", meeting.place)
        description = [meeting.goals] if meeting.goals else []
        if base_url:
            description.append(f"Prepare: {base_url}{meeting.get_absolute_url()}")
        if description:
            event.add("description", "\n\n".join(description))
        event.add("status", "CONFIRMED" if meeting.status != "no_show" else "CANCELLED")
        cal.add_component(event)
    for follow_up in pending_follow_ups(owner).select_related("person"):
        todo = Todo()
        todo.add("uid", f"follow-up-{follow_up.pk}@{UID_DOMAIN}")
        todo.add("dtstamp", stamp)
        todo.add("summary", follow_up.title)
        todo.add("due", follow_up.due)
        todo.add("status", "NEEDS-ACTION")
        cal.add_component(todo)
    return cal.to_ical()
