from __future__ import annotations

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def warmline(request: HttpRequest) -> dict[str, object]:
    """What every page's layout needs: whether demo rows are loaded, and
    whether the user signed in with a password (then the page offers "Sign out";
    local mode's owner, signed in by being at this machine, has nothing to sign out)."""

    def has_demo() -> bool:
        from warmline.people.demo import has_demo_network

        return request.user.is_authenticated and has_demo_network(request.user)

    session = getattr(request, "session", None)
    return {
        "has_demo": SimpleLazyObject(has_demo),
        "signed_in_with_password": bool(session is not None and SESSION_KEY in session),
        "email_configured": settings.EMAIL_CONFIGURED,
    }
