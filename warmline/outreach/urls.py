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
    path("calls/entries/<int:pk>/up/", calls.entry_up, name="entry_up"),
    path("calls/entries/<int:pk>/down/", calls.entry_down, name="entry_down"),
    path(
        "calls/entries/<int:pk>/call-again/",
        calls.entry_call_again,
        name="entry_call_again",
    ),
    path("calls/entries/<int:pk>/remove/", calls.entry_remove, name="entry_remove"),
    path("calls/<int:pk>/session/", session.session_start, name="session_start"),
    path("sessions/<int:pk>/", session.session_view, name="session"),
    path("sessions/<int:pk>/log/", session.session_log, name="session_log"),
    path("sessions/<int:pk>/end/", session.session_end, name="session_end"),
    path("sessions/<int:pk>/next/", session.next_sitting, name="next_sitting"),
    path("followups/", followups.follow_up_list, name="follow_ups"),
    path("followups/<int:pk>/done/", followups.follow_up_done, name="follow_up_done"),
    path(
        "followups/<int:pk>/snooze/",
        followups.follow_up_snooze,
        name="follow_up_snooze",
    ),
    path(
        "followups/<int:pk>/reopen/",
        followups.follow_up_reopen,
        name="follow_up_reopen",
    ),
    path("templates/", message_templates.template_list, name="templates"),
    path("templates/<int:pk>/", message_templates.template_edit, name="template_edit"),
    path(
        "templates/<int:pk>/delete/",
        message_templates.template_delete,
        name="template_delete",
    ),
]
