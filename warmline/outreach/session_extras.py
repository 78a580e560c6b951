"""What the apps above outreach add to a call session's page.

Outreach knows nothing of meetings. Meetings registers an extra from
MeetingsConfig.ready() that offers to book the meeting on the spot (key 3,
"scheduled") and recalls the last time they met; without it, "scheduled" is logged
like any other outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from warmline.outreach.models import CallSession
from warmline.people.models import Person


@dataclass
class Booking:
    """A form that books a meeting from the sitting: rendered by `template`, posted to
    `url` with the sitting's position."""

    template: str
    form: Any
    url: str


@dataclass
class SessionExtras:
    booking: Booking | None = None
    # Earlier contact to show under "Last time": (when, what), newest first.
    history: list[tuple[Any, str]] = field(default_factory=list)


SessionExtra = Callable[[CallSession, Person, SessionExtras], None]
EXTRAS: list[SessionExtra] = []


def register_extra(extra: SessionExtra) -> None:
    if extra not in EXTRAS:
        EXTRAS.append(extra)


def extras_for(session: CallSession, person: Person) -> SessionExtras:
    extras = SessionExtras()
    for extra in EXTRAS:
        extra(session, person, extras)
    return extras
