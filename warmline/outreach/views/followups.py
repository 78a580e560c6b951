"""Follow-ups: what is due, overdue and coming; done, snooze, reopen."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.outreach import services
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
    follow_ups = FollowUp.objects.filter(owner=request.user).select_related(
        "person", "person__organization", "meeting"
    )
    pending = [FollowUp.Status.OPEN, FollowUp.Status.SNOOZED]
    if show == "due":
        follow_ups = follow_ups.filter(status__in=pending, due__lte=today)
    elif show == "open":
        follow_ups = follow_ups.filter(status__in=pending)
    elif show == "done":
        follow_ups = follow_ups.filter(status=FollowUp.Status.DONE).order_by("-done_at")
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


def _back(request: AuthedRequest) -> HttpResponse:
    """Back to the page the button was on (Today, a person), else the list."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("outreach:follow_ups")


@require_POST
def follow_up_done(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk)
    services.complete_follow_up(follow_up)
    messages.success(request, f"Done: {follow_up.title}.")
    return _back(request)


@require_POST
def follow_up_snooze(request: AuthedRequest, pk: int) -> HttpResponse:
    """Put it off by `days` (1 to 60; "Tomorrow" sends 1)."""
    follow_up = get_follow_up_for_user(request.user, pk)
    raw = request.POST.get("days", "1")
    days = int(raw) if raw.isdigit() and 1 <= int(raw) <= 60 else 1
    until = timezone.localdate() + dt.timedelta(days=days)
    services.snooze_follow_up(follow_up, until)
    messages.success(request, f"Snoozed until {until:%a %d %b}.")
    return _back(request)


@require_POST
def follow_up_reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk)
    services.reopen_follow_up(follow_up)
    return _back(request)
