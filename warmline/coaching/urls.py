from django.urls import path

from warmline.coaching.views import comments, dashboard, seeker, sharing

app_name = "coaching"

urlpatterns = [
    path("sharing/", sharing.sharing_page, name="sharing"),
    path("sharing/invite/", sharing.invite, name="invite"),
    path(
        "sharing/invitations/<int:pk>/cancel/",
        sharing.cancel_invitation,
        name="cancel_invitation",
    ),
    path("sharing/<int:pk>/revoke/", sharing.revoke, name="revoke"),
    path("sharing/<int:pk>/leave/", sharing.leave, name="leave"),
    path("sharing/accept/<str:code>/", sharing.accept, name="accept"),
    path("coach/", dashboard.dashboard, name="dashboard"),
    path("coach/groups/add/", dashboard.group_add, name="group_add"),
    path("coach/groups/<int:pk>/", dashboard.group_page, name="group"),
    path(
        "coach/groups/<int:pk>/seekers/", dashboard.group_seekers, name="group_seekers"
    ),
    path("coach/groups/<int:pk>/delete/", dashboard.group_delete, name="group_delete"),
    path("coach/<int:seeker>/", seeker.overview, name="seeker"),
    path("coach/<int:seeker>/people/", seeker.people, name="people"),
    path("coach/<int:seeker>/people/<int:pk>/", seeker.person, name="person"),
    path("coach/<int:seeker>/meetings/", seeker.meetings, name="meetings"),
    path("coach/<int:seeker>/meetings/<int:pk>/", seeker.meeting, name="meeting"),
    path("coach/<int:seeker>/insights/", seeker.insights, name="insights"),
    path("coach/<int:seeker>/report/", seeker.weekly_report, name="report"),
    path("coach/<int:seeker>/journal/", seeker.journal, name="journal"),
    path(
        "coach/<int:seeker>/journal/<int:pk>/",
        seeker.journal_entry,
        name="journal_entry",
    ),
    path("comments/add/", comments.add, name="comment_add"),
    path("comments/<int:pk>/edit/", comments.edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", comments.delete, name="comment_delete"),
    path("comments/seen/", comments.seen, name="comments_seen"),
]
