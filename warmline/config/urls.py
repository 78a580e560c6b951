from django.contrib import admin
from django.urls import include, path

from warmline.api.urls import api_urls

urlpatterns = [
    path("", include("warmline.home.urls")),
    path("", include("warmline.people.urls")),
    path("", include("warmline.meetings.urls")),
    path("", include("warmline.outreach.urls")),
    path("", include("warmline.exchange.urls")),
    path("", include("warmline.insights.urls")),
    path("", include("warmline.coaching.urls")),
    path("", include("warmline.journal.urls")),
    path("", include("warmline.accounts.urls")),
    path("", include("warmline.api.urls")),
    path("api/v1/", api_urls),  # type: ignore[arg-type]
    path("accounts/", include("warmline.accounts.auth_urls")),
    path("admin/", admin.site.urls),
]
