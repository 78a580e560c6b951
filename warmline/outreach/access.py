"""Ownership: a user's call lists, entries, sessions, follow-ups and templates (404)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from warmline.accounts.models import User
from warmline.outreach.models import (
    CallList,
    CallListEntry,
    CallSession,
    FollowUp,
    MessageTemplate,
)


def get_list_for_user(user: User, pk: int) -> CallList:
    return get_object_or_404(CallList, owner=user, pk=pk)


def get_entry_for_user(user: User, pk: int) -> CallListEntry:
    return get_object_or_404(
        CallListEntry.objects.select_related("call_list", "person"),
        call_list__owner=user,
        pk=pk,
    )


def get_session_for_user(user: User, pk: int) -> CallSession:
    return get_object_or_404(
        CallSession.objects.select_related("call_list"), owner=user, pk=pk
    )


def get_follow_up_for_user(user: User, pk: int) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.select_related("person"), owner=user, pk=pk
    )


def get_template_for_user(user: User, pk: int) -> MessageTemplate:
    return get_object_or_404(MessageTemplate, owner=user, pk=pk)
