"""Who an API request is for: a bearer token, or the signed-in session with CSRF."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from warmline.accounts.models import User
from warmline.api.rate import count_request
from warmline.api.services import token_for_secret

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class BearerToken(HttpBearer):
    """`Authorization: Bearer wl_…`; a read token may only read (403 otherwise)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = token_for_secret(token.strip())
        if found is None:
            return None
        count_request(found.digest)
        if request.method not in SAFE_METHODS and not found.can_write:
            raise PermissionDenied("This token may only read: make a write token.")
        return found.owner


class SignedInSession(APIKeyCookie):
    """Same-origin JavaScript: the session cookie, and Django's CSRF check on
    writes. A request that carries an Authorization header never falls back to it."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if "Authorization" in request.headers or not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        if "Authorization" in request.headers or not request.user.is_authenticated:
            return None
        count_request(f"user-{request.user.pk}")
        return request.user  # type: ignore[return-value]


def owner(request: HttpRequest) -> User:
    """The user an authenticated API request acts for."""
    return request.auth  # type: ignore[attr-defined,no-any-return]
