"""Ownership: a user's journal entries; 404 otherwise."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from warmline.accounts.models import User
from warmline.journal.models import JournalEntry


def get_entry_for_user(user: User, pk: int) -> JournalEntry:
    return get_object_or_404(JournalEntry, owner=user, pk=pk)
