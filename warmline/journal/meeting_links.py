"""What the journal adds to a meeting's page (registered with meetings)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from warmline.journal.queries import entries_about_meeting
from warmline.meetings.models import Meeting
from warmline.meetings.page_links import PageLink, register_links


def journal_links(meeting: Meeting) -> list[PageLink]:
    """Entries written about the meeting and, once it has an outcome, an offer to
    write what was learned."""
    links = [
        PageLink(f"Journal: {entry.title}", entry.get_absolute_url())
        for entry in entries_about_meeting(meeting)
    ]
    if hasattr(meeting, "outcome"):
        url = reverse("journal:add") + "?" + urlencode({"meeting": meeting.pk})
        links.append(PageLink("Write what you learned", url, action=True))
    return links


def register() -> None:
    register_links(journal_links)
