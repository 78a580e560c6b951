"""The journal's Atom feed: shared entries (shared_entries) and, if the seeker
wishes, the weekly reports of the last finished weeks, at a secret address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from warmline.accounts.models import User
from warmline.core.markdown import render
from warmline.insights.numbers import by_week, monday_of
from warmline.insights.report import as_markdown, week_name, weekly_report
from warmline.journal.queries import shared_entries

# Entries a feed holds, newest first: readers poll it, they do not archive from it.
FEED_ENTRIES = 50
# Finished weeks whose report the feed carries (weeks with nothing done are left out).
REPORT_WEEKS = 8


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    html: str
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[str, ...] = ()


class AtomWithContent(Atom1Feed):
    """Atom with each entry's full text as <content type="html">."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


def _published(day: dt.date, created: dt.datetime, zone: Any) -> dt.datetime:
    """When an entry was written if that was on its day; else the start of its day
    (an entry written later about an earlier day), in the owner's zone."""
    local = created.astimezone(zone)
    if local.date() == day:
        return local
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)


def entry_items(owner: User) -> list[FeedItem]:
    zone = owner.zone
    return [
        FeedItem(
            title=entry.title,
            link=entry.get_absolute_url(),
            html=render(entry.body),
            published=_published(entry.day, entry.created_at, zone),
            updated=entry.updated_at.astimezone(zone),
            categories=tuple(t.name for t in entry.tags.all()),
        )
        for entry in shared_entries(owner)[:FEED_ENTRIES]
    ]


def report_items(owner: User, today: dt.date) -> list[FeedItem]:
    """One item a finished week (the last REPORT_WEEKS, since the account began)
    with anything in it: the report's own text, published when the week ended."""
    zone = owner.zone
    joined = monday_of(timezone.localdate(owner.date_joined, zone))
    mondays = [
        monday
        for n in range(REPORT_WEEKS, 0, -1)
        if (monday := monday_of(today) - dt.timedelta(weeks=n)) >= joined
    ]
    if not mondays:
        return []
    counts = by_week(owner, mondays)
    busy = [m for m, found in zip(mondays, counts, strict=True) if any(found.values())]
    items = []
    for monday in busy:
        # Readers of the feed: private people and meetings stay out of the lists.
        report = weekly_report(owner, monday, for_viewer=True)
        ended = dt.datetime.combine(monday + dt.timedelta(weeks=1), dt.time(), zone)
        items.append(
            FeedItem(
                title=f"Networking report, week {report['week']}",
                link=reverse("insights:report") + f"?week={week_name(monday)}",
                html=render(as_markdown(report)),
                published=ended,
                updated=ended,
            )
        )
    return items


class JournalFeed(Feed):
    feed_type = AtomWithContent

    def get_object(self, request: HttpRequest, token: str) -> User:  # type: ignore[override]
        owner = User.objects.filter(journal_token=token).first() if token else None
        if owner is None:
            raise Http404
        # Weeks and days are the owner's, whoever reads.
        timezone.activate(owner.zone)
        return owner

    def title(self, owner: User) -> str:
        return f"{owner.get_full_name() or owner.username}: journal"

    def subtitle(self, owner: User) -> str:
        return "Shared entries from a job search, kept in Warmline."

    def link(self, owner: User) -> str:
        return reverse("journal:list")

    def feed_url(self, owner: User) -> str:
        return reverse("journal:feed", args=[owner.journal_token])

    def author_name(self, owner: User) -> str:
        return owner.get_full_name() or owner.username

    def items(self, owner: User) -> list[FeedItem]:
        items = entry_items(owner)
        if owner.feed_has_reports:
            items += report_items(owner, timezone.localdate())
        return sorted(items, key=lambda i: i.published, reverse=True)[:FEED_ENTRIES]

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_description(self, item: FeedItem) -> str:
        return ""  # no <summary>: the whole text is in <content>

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_pubdate(self, item: FeedItem) -> dt.datetime:
        return item.published

    def item_updateddate(self, item: FeedItem) -> dt.datetime:
        return item.updated

    def item_categories(self, item: FeedItem) -> tuple[str, ...]:
        return item.categories

    def item_extra_kwargs(self, item: FeedItem) -> dict[str, Any]:
        return {"content": item.html}
