from django.urls import path

from warmline.outreach.views import (
    calls,
    followups,
    message_templates,
    session,
)

app_name = "outreach"

urlpatterns = [
    path("calls/", calls.call_lists, name="call_lists"),
    path("calls/<int:pk>/", calls.list_detail, name="list_detail"),
    path("calls/<int:pk>/add/", calls.list_add, name="list_add"),
    path(
        "calls/<int:pk>/add-filtered/",
        calls.list_add_filtered,
        name="list_add_filtered",
    ),
    path("calls/<int:pk>/delete/", calls.list_delete, name="list_delete"),
    path("calls/entries/<int:pk>/", calls.entry_change, name="entry_change"),
    path("calls/<int:pk>/session/", session.session_start, name="session_start"),
    path("sessions/<int:pk>/", session.session_view, name="session"),
    path("sessions/<int:pk>/log/", session.session_log, name="session_log"),
    path("sessions/<int:pk>/end/", session.session_end, name="session_end"),
    path("sessions/<int:pk>/next/", session.next_sitting, name="next_sitting"),
    path("followups/", followups.follow_up_list, name="follow_ups"),
    path("followups/<int:pk>/", followups.follow_up_change, name="follow_up_change"),
    path("templates/", message_templates.template_list, name="templates"),
    path("templates/<int:pk>/", message_templates.template_edit, name="template_edit"),
]
