"""Sharing a search by consent: invite, accept, revoke. What a role shows is in
accounts/access.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) reads it on 3.11

from warmline.accounts.models import Invitation, Role, Share, User
from warmline.core.dates import day

INVITATION_DAYS = 7


class SharingError(ValueError):
    """A step of sharing that cannot be taken, with what to do instead."""


def display_name(user: User) -> str:
    return user.get_full_name() or user.username


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def invite(owner: User, role: str) -> tuple[Invitation, str]:
    """A new invitation and its one-time code (only its hash is kept)."""
    if role not in Role.values:
        raise SharingError(f"The role is one of: {', '.join(Role.values)}.")
    code = secrets.token_urlsafe(18)
    invitation = Invitation.objects.create(
        owner=owner,
        role=role,
        code_hash=_hash(code),
        expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    return invitation, code


def invitation_for(code: str) -> Invitation:
    """The open invitation with this code, or SharingError saying why not."""
    invitation = (
        Invitation.objects.filter(code_hash=_hash(code)).select_related("owner").first()
    )
    if invitation is None:
        raise SharingError(
            "No invitation has that code. Check it, or ask for a new one."
        )
    owner = display_name(invitation.owner)
    if invitation.accepted_at:
        raise SharingError(
            f"That invitation was used already. Ask {owner} for a new one."
        )
    if invitation.expires_at <= timezone.now():
        raise SharingError(
            f"That invitation ran out on {day(invitation.expires_at)}. "
            f"Ask {owner} for a new one."
        )
    return invitation


def accept(viewer: User, code: str) -> Share:
    """The invitation's owner now shares with `viewer`, in its role (a second
    invitation changes the role). Each code works once, even if two accept at once."""
    invitation = invitation_for(code)
    if invitation.owner_id == viewer.pk:
        raise SharingError(
            "That is your own invitation: give it to your coach or partner, who "
            "accepts it signed in to their own account."
        )
    with transaction.atomic():
        taken = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).update(accepted_at=timezone.now(), accepted_by=viewer)
        if not taken:
            raise SharingError("That invitation was used already.")
        share, _ = Share.objects.update_or_create(
            owner_id=invitation.owner_id,
            viewer=viewer,
            defaults={"role": invitation.role},
        )
    return share


def viewer_named(owner: User, name: str) -> Share:
    """The share with the viewer whose username (or full name) is `name`."""
    name = name.strip()
    shares = given(owner)
    for share in shares:
        if name.lower() in (
            share.viewer.username.lower(),
            display_name(share.viewer).lower(),
        ):
            return share
    names = ", ".join(s.viewer.username for s in shares) or "nobody"
    raise SharingError(f"You do not share with {name!r}. You share with: {names}.")


def revoke(share: Share) -> None:
    """The viewer loses access from their next request on (the owner revokes, or the
    viewer stops following)."""
    share.delete()


def cancel_invitation(invitation: Invitation) -> None:
    invitation.delete()


def given(owner: User) -> QuerySet[Share]:
    return Share.objects.filter(owner=owner).select_related("viewer")


def received(viewer: User) -> QuerySet[Share]:
    return Share.objects.filter(viewer=viewer).select_related("owner")


class ShareDict(TypedDict):
    """A share as the user sees it: the CLI's `share list --json` and the API."""

    id: int
    direction: str
    user: str
    name: str
    role: str
    since: str


def share_as_dict(share: Share, user: User) -> ShareDict:
    """The share as `user` sees it: someone who follows them, or whom they follow."""
    gave = share.owner_id == user.pk
    other = share.viewer if gave else share.owner
    return {
        "id": share.pk,
        "direction": "follows you" if gave else "you follow",
        "user": other.username,
        "name": display_name(other),
        "role": share.role,
        "since": share.created_at.isoformat(),
    }


def shares_of(user: User) -> list[ShareDict]:
    """Who follows the user's search, then whose searches the user follows."""
    return [share_as_dict(s, user) for s in [*given(user), *received(user)]]


def open_invitations(owner: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        Q(accepted_at__isnull=True), owner=owner, expires_at__gt=timezone.now()
    )


def set_private(row: Model, is_private: bool) -> None:
    """Mark a person, a meeting (or a journal entry) private: nobody the owner
    shares with sees it, from their next request on."""
    row.is_private = is_private  # type: ignore[attr-defined]
    row.save(update_fields=["is_private", "updated_at"])
