"""The JSON API under /api/v1/: one NinjaAPI, its routers, auth and error handlers."""

from __future__ import annotations

from ninja import NinjaAPI

from warmline.api import errors
from warmline.api.auth import BearerToken, SignedInSession
from warmline.api.views import (
    journal,
    meetings,
    network,
    outreach,
    people,
    report,
    sharing,
)

api = NinjaAPI(
    title="Warmline API",
    version="1",
    description=(
        "Your network, meetings, outreach, journal and sharing as JSON. Send a "
        "personal access token (`Authorization: Bearer TOKEN`, made on your "
        "profile's API tokens page or with `warmline token create`). Every error "
        "answers "
        '`{"error": {"status", "message", "field"}}`; see docs/api.md.'
    ),
    auth=[BearerToken(), SignedInSession()],
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.install(api)
for module in (people, network, meetings, outreach, report, journal, sharing):
    api.add_router("", module.router)
