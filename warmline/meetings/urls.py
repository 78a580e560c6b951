from django.urls import path

from warmline.meetings.views import (
    booking,
    meetings,
    outcome,
    paths_leads,
    preparation,
)

app_name = "meetings"

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="list"),
    path("meetings/new/", meetings.meeting_add, name="add"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="cancel"),
    path("meetings/<int:pk>/private/", meetings.meeting_private, name="private"),
    path("meetings/<int:pk>/print/", meetings.meeting_print, name="print"),
    path("meetings/<int:pk>/outcome/", outcome.log_outcome, name="outcome"),
    path(
        "meetings/<int:pk>/outcome/<str:prefix>/row/",
        outcome.outcome_row_hx,
        name="outcome_row_hx",
    ),
    path(
        "meetings/<int:pk>/questions/",
        preparation.questions_pick,
        name="questions_pick",
    ),
    path("meeting-questions/<int:pk>/up/", preparation.question_up, name="question_up"),
    path(
        "meeting-questions/<int:pk>/down/",
        preparation.question_down,
        name="question_down",
    ),
    path(
        "meeting-questions/<int:pk>/remove/",
        preparation.question_remove,
        name="question_remove",
    ),
    path("questions/", preparation.question_bank, name="question_bank"),
    path("questions/<int:pk>/", preparation.question_edit, name="question_edit"),
    path(
        "questions/<int:pk>/delete/",
        preparation.question_delete,
        name="question_delete",
    ),
    path("resumes/", preparation.resume_list, name="resume_list"),
    path(
        "resumes/<int:pk>/download/",
        preparation.resume_download,
        name="resume_download",
    ),
    path("resumes/<int:pk>/delete/", preparation.resume_delete, name="resume_delete"),
    path(
        "sessions/<int:pk>/book/",
        booking.book_from_session,
        name="book_from_session",
    ),
    path("paths/", paths_leads.path_board, name="path_board"),
    path("paths/<int:pk>/", paths_leads.path_detail, name="path_detail"),
    path("paths/<int:pk>/delete/", paths_leads.path_delete, name="path_delete"),
    path("leads/", paths_leads.lead_list, name="lead_list"),
    path("leads/<int:pk>/", paths_leads.lead_edit, name="lead_edit"),
]
