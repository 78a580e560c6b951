"""Emails about comments: to the seeker when someone comments, to the others in the
thread when the seeker answers. Only to account addresses the users gave, and a
mail server that fails never loses the comment (it is saved first)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from warmline.accounts.sharing import display_name

if TYPE_CHECKING:
    from warmline.coaching.models import Comment

log = logging.getLogger(__name__)


def thread_path(comment: Comment, for_seeker: bool) -> str:
    """Where the thread is read: the seeker's own page, or the shared one."""
    if comment.entry_id:
        if for_seeker:
            return reverse("journal:detail", args=[comment.entry_id])
        return reverse(
            "coaching:journal_entry", args=[comment.seeker_id, comment.entry_id]
        )
    name = f"?week={comment.week_name}"
    if for_seeker:
        return reverse("insights:report") + name
    return reverse("coaching:report", args=[comment.seeker_id]) + name


def _subject(comment: Comment) -> str:
    author = display_name(comment.author)
    if comment.entry_id and comment.entry:
        return f"{author} commented on \u201c{comment.entry.title}\u201d"
    return f"{author} commented on the week {comment.week_name}"


def recipients(comment: Comment) -> list[tuple[str, bool]]:
    """(address, is the seeker) for everyone to tell, never the author."""
    from warmline.coaching.models import Comment

    if comment.author_id != comment.seeker_id:
        email = comment.seeker.email
        return [(email, True)] if email else []
    others = (
        Comment.objects.filter(
            seeker_id=comment.seeker_id, week=comment.week, entry_id=comment.entry_id
        )
        .exclude(author_id=comment.seeker_id)
        .exclude(author__email="")
        .values_list("author__email", flat=True)
        .distinct()
    )
    return [(email, False) for email in others]


def comment_added(comment: Comment) -> int:
    """Send the emails; how many went."""
    sent = 0
    for address, is_seeker in recipients(comment):
        link = settings.BASE_URL + thread_path(comment, is_seeker)
        body = f"{comment.body}\n\nRead and answer in Warmline: {link}\n"
        try:
            sent += send_mail(_subject(comment), body, None, [address])
        except OSError as error:  # an SMTP server down or refusing: log, go on
            log.warning("Could not email %s about a comment: %s", address, error)
    return sent
