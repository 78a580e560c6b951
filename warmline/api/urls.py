"""The API's URLs (/api/v1/…) and the token pages under the profile."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, path

from warmline.api.api import api
from warmline.api.cors import from_linkedin
from warmline.api.views import tokens

FROM_PROFILE = "people/from-profile"


def _api_patterns() -> list[Any]:
    """The API's patterns: no sign-in page redirect (the API answers 401 itself),
    and CORS for the bookmarklet's one endpoint."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            view = pattern.callback
            if str(pattern.pattern) == FROM_PROFILE:
                view = from_linkedin(view)
            pattern.callback = login_not_required(view)
    return [patterns, app_name, namespace]


api_urls = _api_patterns()

app_name = "tokens"
urlpatterns = [
    path("profile/tokens/", tokens.token_list, name="list"),
    path("profile/tokens/new/", tokens.token_create, name="create"),
    path("profile/tokens/<int:pk>/revoke/", tokens.token_revoke, name="revoke"),
]
