"""A seeker's search as a coach or partner reads it: read-only, private left out,
in the seeker's time zone (their weeks are the ones their goals count)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from warmline.accounts.access import AREAS
from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import Share
from warmline.coaching import queries
from warmline.coaching.access import share_for
from warmline.coaching.models import Comment
from warmline.insights import metrics, numbers, report
from warmline.journal.queries import shared_entries
from warmline.outreach.queries import lists_for, pending_follow_ups
from warmline.people.queries import chain_people

PAGE_SIZE = 50
SeekerView = Callable[..., HttpResponse]


def seeker_page(area: str) -> Callable[[SeekerView], SeekerView]:
    """The view gets the share (404 unless the seeker shares `area` with the viewer)
    and runs in the seeker's time zone."""

    def decorate(view: SeekerView) -> SeekerView:
        @wraps(view)
        def wrapped(request: AuthedRequest, seeker: int, **kwargs: Any) -> HttpResponse:
            share = share_for(request.user, seeker, area)  # 404 first: says nothing
            if request.method not in ("GET", "HEAD"):  # read-only
                return HttpResponseNotAllowed(["GET", "HEAD"])
            with timezone.override(share.owner.zone):
                return view(request, share, **kwargs)

        return wrapped

    return decorate


def _render(
    request: AuthedRequest, share: Share, template: str, **context: Any
) -> HttpResponse:
    seeker = share.owner
    return render(
        request,
        f"coaching/{template}",
        {
            "share": share,
            "seeker": seeker,
            "seeker_name": seeker.get_full_name() or seeker.username,
            "areas": AREAS[share.role],
            "zone": timezone.get_current_timezone_name(),
            **context,
        },
    )


@seeker_page("numbers")
def overview(request: AuthedRequest, share: Share) -> HttpResponse:
    week = queries.seeker_week(share)
    context: dict[str, Any] = {"week": week}
    if "outreach" in AREAS[share.role]:
        due = pending_follow_ups(share.owner, week.today).filter(
            due__lte=week.today, person__is_private=False
        )
        context["follow_ups"] = due.select_related("person").order_by("due")[:20]
        lists = lists_for(share.owner).order_by("-updated_at")[:10]
        context["call_lists"] = [lst for lst in lists if lst.to_call]  # type: ignore[attr-defined]
    if "meetings" in AREAS[share.role]:
        coming = queries.visible_meetings(share.owner).filter(
            at__gte=timezone.now(), status="planned"
        )
        context["coming"] = coming.select_related("person").order_by("at")[:10]
    return _render(request, share, "seeker_overview.html", **context)


@seeker_page("network")
def people(request: AuthedRequest, share: Share) -> HttpResponse:
    found = queries.visible_people(share.owner).select_related("organization")
    if q := request.GET.get("q", "").strip():
        found = found.filter(name__icontains=q)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, share, "seeker_people.html", page=page, q=q)


@seeker_page("network")
def person(request: AuthedRequest, share: Share, pk: int) -> HttpResponse:
    found = get_object_or_404(
        queries.visible_people(share.owner).select_related("organization"), pk=pk
    )
    meetings = queries.visible_meetings(share.owner).filter(person=found)
    return _render(
        request,
        share,
        "seeker_person.html",
        person=found,
        chain=chain_people(found),
        meetings=meetings.select_related("outcome"),
        tags=found.tags.all(),
    )


@seeker_page("meetings")
def meetings(request: AuthedRequest, share: Share) -> HttpResponse:
    found = queries.visible_meetings(share.owner).select_related("person", "outcome")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, share, "seeker_meetings.html", page=page)


@seeker_page("meetings")
def meeting(request: AuthedRequest, share: Share, pk: int) -> HttpResponse:
    found = get_object_or_404(
        queries.visible_meetings(share.owner).select_related("person", "outcome"),
        pk=pk,
    )
    return _render(request, share, "seeker_meeting.html", meeting=found)


@seeker_page("insights")
def insights(request: AuthedRequest, share: Share) -> HttpResponse:
    period = metrics.Period.of(request.GET.get("period", "12w"))
    funnel = metrics.funnel(share.owner, period)
    weekly = metrics.weekly(share.owner, 12)
    keys = list(weekly["titles"])
    rows = [
        [monday, *(weekly[key][i] for key in keys)]
        for i, monday in enumerate(weekly["labels"])
    ]
    return _render(
        request,
        share,
        "seeker_insights.html",
        period=period,
        periods=metrics.PERIODS,
        funnel_numbers=numbers.shown(funnel["counts"], metrics.FUNNEL),
        weekly_heads=[(weekly["titles"][k], weekly["goals"].get(k, 0)) for k in keys],
        weekly_rows=rows[::-1],
    )


@seeker_page("reports")
def weekly_report(request: AuthedRequest, share: Share) -> HttpResponse:
    try:
        monday = report.parse_week(request.GET.get("week"))
    except ValueError:
        monday = report.parse_week(None)
    data = report.weekly_report(share.owner, monday, for_viewer=True)
    comments = Comment.objects.filter(seeker=share.owner, week=monday)
    return _render(
        request,
        share,
        "seeker_report.html",
        r=data,
        numbers=numbers.shown(data),
        first=monday,
        last=monday + dt.timedelta(days=6),
        previous=report.week_name(monday - dt.timedelta(weeks=1)),
        following=report.week_name(monday + dt.timedelta(weeks=1)),
        comments=comments.select_related("author"),
    )


@seeker_page("journal")
def journal(request: AuthedRequest, share: Share) -> HttpResponse:
    page = Paginator(shared_entries(share.owner), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return _render(request, share, "seeker_journal.html", page=page)


@seeker_page("journal")
def journal_entry(request: AuthedRequest, share: Share, pk: int) -> HttpResponse:
    entry = get_object_or_404(shared_entries(share.owner), pk=pk)
    return _render(
        request,
        share,
        "seeker_journal_entry.html",
        entry=entry,
        comments=entry.comments.select_related("author"),
    )
