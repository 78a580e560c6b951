"""Comments on weekly reports, and a coach's groups. Only the seeker and those
they share with (accounts/access.py) may comment; only authors change their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from warmline.accounts.access import may_read
from warmline.accounts.models import Share, User
from warmline.coaching import notify
from warmline.coaching.models import Comment, SeekerGroup
from warmline.core.fields import max_length
from warmline.insights.numbers import monday_of
from warmline.journal.models import JournalEntry


def _no_nul(text: str) -> None:
    if "\x00" in text:
        raise ValidationError("Text may not contain NUL characters.")


def _clean_body(body: str) -> str:
    body = body.strip()
    _no_nul(body)
    if not body:
        raise ValidationError("Write something first: the comment is empty.")
    if len(body) > (longest := max_length(Comment, "body")):
        raise ValidationError(
            f"A comment holds up to {longest} characters; this one has {len(body)}."
        )
    return body


def add_comment(author: User, seeker: User, week: dt.date, body: str) -> Comment:
    """A comment on the seeker's report for the week holding `week`."""
    if author.pk != seeker.pk and not may_read(author, seeker.pk, "reports"):
        raise PermissionDenied
    return _add(author, seeker, body, week=monday_of(week))


def add_entry_comment(author: User, entry: JournalEntry, body: str) -> Comment:
    """A comment on a journal entry: the owner's, or a shared one of someone who
    shares their journal with `author`."""
    readable = entry.is_shared and may_read(author, entry.owner_id, "journal")
    if author.pk != entry.owner_id and not readable:
        raise PermissionDenied
    return _add(author, entry.owner, body, entry=entry)


def _add(author: User, seeker: User, body: str, **thread: Any) -> Comment:
    by_seeker = author.pk == seeker.pk
    comment = Comment.objects.create(
        seeker=seeker,
        author=author,
        body=_clean_body(body),
        seen_at=timezone.now() if by_seeker else None,
        **thread,
    )
    if by_seeker:  # a reply: the seeker has read the thread
        Comment.objects.filter(seeker=seeker, seen_at__isnull=True, **thread).update(
            seen_at=timezone.now()
        )
    transaction.on_commit(lambda: notify.comment_added(comment))
    return comment


def edit_comment(comment: Comment, body: str) -> Comment:
    comment.body = _clean_body(body)
    comment.save(update_fields=["body", "updated_at"])
    return comment


def delete_comment(comment: Comment) -> None:
    comment.delete()


def mark_seen(seeker: User) -> int:
    """The seeker has read every comment (Today's "Mark all read")."""
    unseen = Comment.objects.filter(seeker=seeker, seen_at__isnull=True)
    return unseen.update(seen_at=timezone.now())


def create_group(coach: User, name: str) -> SeekerGroup:
    name = name.strip()
    _no_nul(name)
    if not name:
        raise ValidationError("Give the group a name.")
    if len(name) > (longest := max_length(SeekerGroup, "name")):
        raise ValidationError(f"A group's name holds up to {longest} characters.")
    if SeekerGroup.objects.filter(coach=coach, name__iexact=name).exists():
        raise ValidationError(f"You have a group named {name!r} already.")
    return SeekerGroup.objects.create(coach=coach, name=name)


@transaction.atomic
def set_group_seekers(group: SeekerGroup, seeker_ids: list[int]) -> None:
    """The group holds these seekers, among those who share with its coach."""
    sharing = set(
        Share.objects.filter(
            viewer_id=group.coach_id, owner_id__in=seeker_ids
        ).values_list("owner_id", flat=True)
    )
    if unknown := set(seeker_ids) - sharing:
        raise ValidationError(
            f"{len(unknown)} of them do not share their search with you."
        )
    group.seekers.set(sharing)


def delete_group(group: SeekerGroup) -> None:
    group.delete()
