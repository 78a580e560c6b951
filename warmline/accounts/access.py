"""Who may read whose data. The owner reads and writes; someone the owner shared
with reads, in their role, what is not marked private; nobody else learns a thing.

Every app's `access.py` fetches through `owned()`: the owner gets the row, a viewer
who may read it gets ReadOnly (403: it exists, and they know it does), anyone else
a 404.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from warmline.accounts.models import Role, Share, User

M = TypeVar("M", bound=Model)

# What each role reads: the one table the sharing page, the coach's pages and the
# permissions test all read.
AREAS: dict[str, frozenset[str]] = {
    Role.COACH: frozenset(
        {"numbers", "reports", "journal", "network", "meetings", "outreach", "insights"}
    ),
    Role.PARTNER: frozenset({"numbers", "reports", "journal"}),
}
SHOWS: dict[str, str] = {
    Role.COACH: "everything but what is marked private: people, meetings and their "
    "outcomes, call lists, follow-ups, insights, weekly reports and shared journal "
    "entries",
    Role.PARTNER: "the weekly numbers against the goals, the weekly reports and the "
    "shared journal entries",
}


class ReadOnly(PermissionDenied):
    """A viewer reached something of the owner's they may read but not change."""

    def __init__(self, owner: User) -> None:
        self.owner = owner
        name = owner.get_full_name() or owner.username
        super().__init__(
            f"This belongs to {name}, who shares their search with you to read. "
            f"Only {name} can change it."
        )


def role_of(viewer: User, owner_id: int) -> str | None:
    """The role `owner_id` gave `viewer`, or None (the owner themselves too)."""
    if viewer.pk == owner_id or not viewer.is_authenticated:
        return None
    share = Share.objects.filter(owner_id=owner_id, viewer=viewer).only("role").first()
    return share.role if share else None


def may_read(viewer: User, owner_id: int, area: str) -> bool:
    role = role_of(viewer, owner_id)
    return role is not None and area in AREAS[role]


def is_private(row: Any) -> bool:
    """Marked private itself, or about a person marked private; a journal entry is
    private until it is shared."""
    person = getattr(row, "person", None)
    return bool(
        getattr(row, "is_private", False)
        or getattr(person, "is_private", False)
        or not getattr(row, "is_shared", True)
    )


def get_share_for_user(user: User, pk: int) -> Share:
    """A share the user gave or follows by (either may end it); else 404."""
    share = (
        Share.objects.filter(Q(owner=user) | Q(viewer=user), pk=pk)
        .select_related("owner", "viewer")
        .first()
    )
    if share is None:
        raise Http404
    return share


def _owner_id(row: Model, owner: str) -> int:
    *path, last = owner.split("__")
    for step in path:
        row = getattr(row, step)
    return int(getattr(row, f"{last}_id"))


def owned(
    rows: type[M] | QuerySet[M],
    user: User,
    pk: int,
    *,
    owner: str = "owner",
    area: str,
) -> M:
    """The row `pk` of `rows` (a model or a queryset) if `user` owns it (`owner`: the
    lookup to its owner); ReadOnly if they may only read it; else 404."""
    queryset = rows if isinstance(rows, QuerySet) else rows._default_manager.all()
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise Http404
    owner_id = _owner_id(row, owner)
    if owner_id == user.pk:
        return row
    if not is_private(row) and may_read(user, owner_id, area):
        raise ReadOnly(User.objects.get(pk=owner_id))
    raise Http404
