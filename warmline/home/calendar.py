"""Meetings and follow-ups as iCalendar (RFC 5545), for export and a feed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

from warmline import __version__
from warmline.accounts.models import User
from warmline.core.ranges import FIRST_YEAR, LAST_YEAR
from warmline.meetings.models import Meeting
from warmline.outreach.queries import pending_follow_ups

UID_DOMAIN = "warmline.local"


def _end(meeting: Meeting, zone: ZoneInfo) -> dt.datetime:
    """When the meeting ends; a row from before dates were checked (year 9999) ends
    as it starts rather than overflowing and taking the whole feed down."""
    try:
        return (meeting.at + dt.timedelta(minutes=meeting.duration_minutes)).astimezone(
            zone
        )
    except OverflowError:
        return meeting.at.astimezone(zone)


def calendar_for(owner: User, *, base_url: str = "") -> bytes:
    """Every meeting of one owner as an event in their time zone (with its
    VTIMEZONE, so 10:30 in Los Angeles is 10:30 in a calendar app there), and every
    open follow-up as an all-day event on its day: calendar subscriptions from
    Google and Outlook show events, not to-dos."""
    zone = owner.zone
    cal = Calendar()
    cal.add("prodid", f"-//Warmline//Warmline {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Warmline")
    cal.add("x-wr-timezone", str(zone))
    stamp = timezone.now().astimezone(dt.UTC)
    meetings = Meeting.objects.filter(owner=owner).exclude(
        status=Meeting.Status.CANCELLED
    )
    days: list[dt.date] = []
    for meeting in meetings.select_related("person", "person__organization"):
        start = meeting.at.astimezone(zone)
        days.append(start.date())
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", _end(meeting, zone))
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
        event = Event()
        event.add("uid", f"follow-up-{follow_up.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", follow_up.due)
        event.add("dtend", follow_up.due + dt.timedelta(days=1))
        event.add("summary", follow_up.title)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        if base_url:
            person = follow_up.person
            event.add(
                "description", f"{person.name}: {base_url}{person.get_absolute_url()}"
            )
        cal.add_component(event)
    if days:
        # The zone's rules over the span the meetings cover (VTIMEZONE).
        first = max(min(days), dt.date(FIRST_YEAR, 1, 2)) - dt.timedelta(days=1)
        last = min(max(days), dt.date(LAST_YEAR, 12, 30)) + dt.timedelta(days=1)
        cal.add_missing_timezones(first, last)
    return cal.to_ical()
