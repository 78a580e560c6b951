from django.contrib import admin
from django.urls import include, path

from warmline.people.views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("demo/load/", home.demo_load, name="demo_load"),
    path("demo/remove/", home.demo_remove, name="demo_remove"),
    path("", include("warmline.people.urls")),
    path("", include("warmline.meetings.urls")),
    path("", include("warmline.accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
