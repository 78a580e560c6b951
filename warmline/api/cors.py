"""Cross-origin calls for the one endpoint a bookmarklet on linkedin.com uses.

Only POST /api/v1/people/from-profile answers another origin, only linkedin.com's,
only with a bearer token: no cookies are allowed (no Allow-Credentials), so a page
elsewhere can never act with the user's session.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlparse

from django.http import HttpRequest, HttpResponse, HttpResponseBase


def linkedin_origin(origin: str) -> bool:
    parts = urlparse(origin)
    host = parts.hostname or ""
    return parts.scheme == "https" and (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    )


def from_linkedin(view: Callable[..., HttpResponseBase]) -> Callable[..., Any]:
    """Answer the browser's preflight, and let linkedin.com read the answer."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        origin = request.headers.get("Origin", "")
        if request.method == "OPTIONS":
            response: HttpResponseBase = HttpResponse(status=204)
        else:
            response = view(request, *args, **kwargs)
        if linkedin_origin(origin):
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "POST"
            response["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
            response["Access-Control-Max-Age"] = "600"
            response["Vary"] = "Origin"
        return response

    return wrapped
