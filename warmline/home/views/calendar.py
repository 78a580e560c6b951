"""The secret calendar feed, and regenerating its address."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from warmline.accounts import services as accounts
from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import User
from warmline.core.hosts import is_loopback, without_port
from warmline.home.calendar import calendar_for


@login_not_required
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Meetings and follow-ups for whoever holds this secret address; else 404."""
    owner = User.objects.filter(calendar_token=token).first() if token else None
    if owner is None:
        raise Http404
    body = calendar_for(owner, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="warmline.ics"'
    return response


def calendar_settings(request: AuthedRequest) -> HttpResponse:
    """The feed's address to copy or download, and who can subscribe to it."""
    path = reverse("home:calendar_feed", args=[request.user.calendar_token])
    return render(
        request,
        "home/calendar.html",
        {
            "feed_path": path,
            "feed_url": request.build_absolute_uri(path),
            # Google and Outlook fetch from their own servers: not from 127.0.0.1.
            "only_here": is_loopback(without_port(request.get_host())),
        },
    )


@require_POST
def calendar_regenerate(request: AuthedRequest) -> HttpResponse:
    accounts.regenerate_calendar_token(request.user)
    messages.success(request, "New calendar address: the old one no longer works.")
    return redirect("home:calendar")
