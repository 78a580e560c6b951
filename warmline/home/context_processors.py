from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def warmline(request: HttpRequest) -> dict[str, object]:
    """What every page's layout needs: local mode, and whether demo rows are loaded."""

    def has_demo() -> bool:
        from warmline.people.demo import has_demo_network

        return request.user.is_authenticated and has_demo_network(request.user)

    return {"local_mode": settings.LOCAL_MODE, "has_demo": SimpleLazyObject(has_demo)}
