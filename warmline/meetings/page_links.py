"""What the apps above meetings add to a meeting's page: links under its outcome.

Meetings knows nothing of the journal. The journal registers a function from
JournalConfig.ready() that offers "Write what you learned" once an outcome is
logged, and lists the entries already written about the meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warmline.meetings.models import Meeting


@dataclass(frozen=True)
class PageLink:
    """A link on a meeting's page; `action` ones are drawn as buttons."""

    label: str
    url: str
    action: bool = False


MeetingLinks = Callable[[Meeting], list[PageLink]]
LINKS: list[MeetingLinks] = []


def register_links(links: MeetingLinks) -> None:
    if links not in LINKS:
        LINKS.append(links)


def links_for(meeting: Meeting) -> list[PageLink]:
    return [link for links in LINKS for link in links(meeting)]
