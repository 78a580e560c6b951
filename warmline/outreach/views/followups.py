"""Follow-ups: what is due, overdue and coming; done, snooze, reopen."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from warmline.accounts.http import AuthedRequest
from warmline.core.dates import day
from warmline.core.parsing import whole_number
from warmline.core.verbs import verb_view
from warmline.outreach import queries, services
from warmline.outreach.access import get_follow_up_for_user
from warmline.outreach.models import FollowUp

VIEWS = {
    "due": "Due and overdue",
    "open": "All open",
    "done": "Done",
    "all": "Everything",
}


def follow_up_list(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    show = request.GET.get("show", "due")
    follow_ups = FollowUp.objects.filter(owner=request.user)
    if show in ("due", "open"):
        follow_ups = queries.pending_follow_ups(request.user, today)
    if show == "due":
        follow_ups = follow_ups.filter(due__lte=today)
    elif show == "done":
        follow_ups = follow_ups.filter(status=FollowUp.Status.DONE).order_by("-done_at")
    follow_ups = follow_ups.select_related("person", "person__organization", "meeting")
    return render(
        request,
        "outreach/follow_ups.html",
        {
            "follow_ups": follow_ups[:200],
            "show": show,
            "views": VIEWS,
            "today": today,
            "tomorrow": today + dt.timedelta(days=1),
        },
    )


def _back(request: HttpRequest, follow_up: FollowUp) -> str:
    """Back to the page the button was on (Today, a person), else the list."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return reverse("outreach:follow_ups")


def _done(request: HttpRequest, follow_up: FollowUp) -> str:
    services.complete_follow_up(follow_up)
    return f"Done: {follow_up.title}."


def _snooze(request: HttpRequest, follow_up: FollowUp) -> str:
    """Put it off by `days` ("Tomorrow" sends 1)."""
    days = whole_number(request.POST.get("days", "1")) or 0
    until = services.snooze_follow_up(follow_up, days)
    return f"Snoozed until {day(until)}."


def _reopen(request: HttpRequest, follow_up: FollowUp) -> str:
    services.reopen_follow_up(follow_up)
    return f"Open again: {follow_up.title}."


follow_up_done = verb_view(get_follow_up_for_user, _done, _back)
follow_up_snooze = verb_view(get_follow_up_for_user, _snooze, _back)
follow_up_reopen = verb_view(get_follow_up_for_user, _reopen, _back)
