"""What sign-in throttling (django-axes) counts failures by: the account and the
address a sign-in comes from."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def username_tried(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The account a sign-in was for, as usernames compare (without case), so that
    "Alice" and "alice" count against the same account."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username).strip().lower()


def client_address(request: HttpRequest) -> str:
    """The address to count failures against.

    Behind a reverse proxy (WARMLINE_BEHIND_PROXY) every request arrives from the
    proxy, so the client is the last address the proxy appended to X-Forwarded-For;
    the earlier ones are whatever the client claimed. Otherwise it is the peer.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if last := forwarded.split(",")[-1].strip():
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page a locked-out sign-in gets: 429, saying for how long and why."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": minutes,
            "username": username_tried(request, credentials),
        },
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
