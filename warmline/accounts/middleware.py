"""Local single-user mode (on a loopback server with one account, sign it in), and
each request in its user's time zone."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from warmline.accounts.models import User

LOOPBACK_ADDRESSES = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
# A request carrying one of these came through a proxy: from this machine's address,
# but not from this machine's user. It logs in like any other.
FORWARDING_HEADERS = ("HTTP_FORWARDED", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP")


class LocalOwnerMiddleware:
    """Sign in the only user when `warmline serve` runs on a loopback address.

    Only in LOCAL_MODE (set by `warmline serve` for 127.0.0.1/localhost), only for
    requests that come straight from this machine (no proxy's forwarding header),
    and only while exactly one user exists:
    as soon as a second account is created, everyone logs in with a password.

    The owner is the request's user for this request only: nothing is stored (no
    session row, no last-login time), so reading a page writes nothing, however
    often a browser without cookies, a script or a calendar client asks.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.LOCAL_MODE
            and not request.user.is_authenticated
            and request.META.get("REMOTE_ADDR") in LOOPBACK_ADDRESSES
            and not any(header in request.META for header in FORWARDING_HEADERS)
        ):
            users = list(User.objects.filter(is_active=True)[:2])
            if len(users) == 1:
                request.user = users[0]
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Show and read every time in the signed-in user's zone: Today and the week
    roll over at their midnight and Monday, and 10:30 typed is 10:30 where they are."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and isinstance(user, User):
            timezone.activate(user.zone)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
