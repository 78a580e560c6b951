"""Follow-ups: what is due, overdue and coming; done, snooze, reopen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
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


def _back(request: AuthedRequest) -> HttpResponse:
    """Back to the page the button was on (Today, a person), else the list."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("outreach:follow_ups")


def _verb(
    request: AuthedRequest, pk: int, act: Callable[[FollowUp], str]
) -> HttpResponse:
    """Do one thing to one of the user's follow-ups; say what came of it."""
    follow_up = get_follow_up_for_user(request.user, pk)
    try:
        messages.success(request, act(follow_up))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(request)


@require_POST
def follow_up_done(request: AuthedRequest, pk: int) -> HttpResponse:
    def done(follow_up: FollowUp) -> str:
        services.complete_follow_up(follow_up)
        return f"Done: {follow_up.title}."

    return _verb(request, pk, done)


@require_POST
def follow_up_snooze(request: AuthedRequest, pk: int) -> HttpResponse:
    """Put it off by `days` ("Tomorrow" sends 1)."""
    days = whole_number(request.POST.get("days", "1"))

    def snooze(follow_up: FollowUp) -> str:
        until = services.snooze_follow_up(follow_up, days or 0)
        return f"Snoozed until {until:%a %d %b}."

    return _verb(request, pk, snooze)


@require_POST
def follow_up_reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    def reopen(follow_up: FollowUp) -> str:
        services.reopen_follow_up(follow_up)
        return f"Open again: {follow_up.title}."

    return _verb(request, pk, reopen)
