"""What a viewer may open of a seeker's, and whose comments and groups are whose."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from warmline.accounts.access import AREAS
from warmline.accounts.models import Share, User
from warmline.coaching.models import Comment, SeekerGroup


def share_for(viewer: User, seeker_pk: int, area: str) -> Share:
    """The seeker's share with `viewer`, if its role reads `area`; else 404."""
    share = (
        Share.objects.select_related("owner")
        .filter(owner_id=seeker_pk, viewer=viewer)
        .first()
    )
    if share is None or area not in AREAS[share.role]:
        raise Http404
    return share


def _still_shared(user: User) -> Q:
    """Comments on the user's own search, or on one still shared with them."""
    shared = Share.objects.filter(owner=OuterRef("seeker"), viewer=user)
    return Q(seeker=user) | Q(Exists(shared))


def get_comment_for_author(user: User, pk: int) -> Comment:
    """A comment only its author edits, while the search is still shared with them."""
    comments = Comment.objects.select_related("seeker", "author")
    return get_object_or_404(comments.filter(_still_shared(user)), author=user, pk=pk)


def get_comment_to_delete(user: User, pk: int) -> Comment:
    """Its author deletes a comment (while shared), and so does the seeker whose
    search it is on: their page, their say."""
    comments = Comment.objects.select_related("seeker", "author")
    mine = Q(author=user) & _still_shared(user) | Q(seeker=user)
    return get_object_or_404(comments.filter(mine), pk=pk)


def get_group_for_coach(user: User, pk: int) -> SeekerGroup:
    return get_object_or_404(SeekerGroup, coach=user, pk=pk)
