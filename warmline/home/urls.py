from django.urls import path

from warmline.home.views import calendar, demo, person, today

app_name = "home"

urlpatterns = [
    path("", today.today, name="today"),
    path("goals/", today.set_goals, name="goals"),
    path("demo/load/", demo.demo_load, name="demo_load"),
    path("demo/remove/", demo.demo_remove, name="demo_remove"),
    path("people/<int:pk>/", person.person_detail, name="person"),
    path("calendar/", calendar.calendar_settings, name="calendar"),
    path(
        "calendar/regenerate/", calendar.calendar_regenerate, name="calendar_regenerate"
    ),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
