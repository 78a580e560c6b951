from django.contrib import admin
from django.urls import include, path

from warmline.people.views import demo

urlpatterns = [
    path("", include("warmline.home.urls")),
    path("demo/load/", demo.demo_load, name="demo_load"),
    path("demo/remove/", demo.demo_remove, name="demo_remove"),
    path("", include("warmline.people.urls")),
    path("", include("warmline.meetings.urls")),
    path("", include("warmline.outreach.urls")),
    path("", include("warmline.exchange.urls")),
    path("", include("warmline.insights.urls")),
    path("", include("warmline.accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
