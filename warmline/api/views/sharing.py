"""Sharing: who follows your search and whose you follow, invitations, accepting
one, and ending a share."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from warmline.accounts import sharing
from warmline.accounts.access import get_share_for_user
from warmline.accounts.sharing import ShareDict
from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import AcceptIn, Id, InvitationIn, InvitationOut

router = Router(tags=["sharing"])


@router.get("/sharing", response=answers(list[ShareDict]))
def list_shares(request: HttpRequest) -> list[ShareDict]:
    """Who follows your search, then whose searches you follow, with their role."""
    return sharing.shares_of(owner(request))


@router.post("/sharing/invitations", response=answers(InvitationOut, 201))
def invite(request: HttpRequest, data: InvitationIn) -> Status[dict[str, Any]]:
    """A one-time invitation for a coach or partner, valid for 7 days; its code
    and link are in this answer only."""
    try:
        invitation, code = sharing.invite(owner(request), data.role)
    except sharing.SharingError as error:
        raise ValidationError({"role": str(error)}) from None
    link = request.build_absolute_uri(reverse("coaching:accept", args=[code]))
    return Status(
        201,
        {
            "id": invitation.pk,
            "role": invitation.role,
            "code": code,
            "link": link,
            "expires_at": invitation.expires_at,
        },
    )


@router.post("/sharing/accept", response=answers(ShareDict))
def accept(request: HttpRequest, data: AcceptIn) -> ShareDict:
    """Accept someone's invitation with its code: you follow their search, in the
    role they chose."""
    user = owner(request)
    try:
        share = sharing.accept(user, data.code)
    except sharing.SharingError as error:
        raise ValidationError({"code": str(error)}) from None
    return sharing.share_as_dict(share, user)


@router.delete("/sharing/{share_id}", response=answers(None, 204))
def end_share(request: HttpRequest, share_id: Id) -> Status[None]:
    """Stop sharing with someone (a share you gave), or stop following someone's
    search (one you follow); access ends with their next request."""
    sharing.revoke(get_share_for_user(owner(request), share_id))
    return Status(204, None)
