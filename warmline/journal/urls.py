from django.contrib.auth.decorators import login_not_required
from django.urls import path

from warmline.journal.feed import JournalFeed
from warmline.journal.views import entries, feed_address

app_name = "journal"

urlpatterns = [
    path("journal/", entries.journal_list, name="list"),
    path("journal/new/", entries.entry_add, name="add"),
    path("journal/<int:pk>/", entries.entry_detail, name="detail"),
    path("journal/<int:pk>/edit/", entries.entry_edit, name="edit"),
    path("journal/<int:pk>/delete/", entries.entry_delete, name="delete"),
    path("journal/<int:pk>/share/", entries.entry_share, name="share"),
    path("journal/<int:pk>/unshare/", entries.entry_unshare, name="unshare"),
    path(
        "journal/feed/regenerate/",
        feed_address.feed_regenerate,
        name="feed_regenerate",
    ),
    path("journal/feed/<str:token>/", login_not_required(JournalFeed()), name="feed"),
]
