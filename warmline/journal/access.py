"""Ownership of journal entries (accounts/access.py): a private one is a 404 to all
but its owner."""

from __future__ import annotations

from warmline.accounts.access import owned
from warmline.accounts.models import User
from warmline.journal.models import JournalEntry


def get_entry_for_user(user: User, pk: int) -> JournalEntry:
    return owned(JournalEntry, user, pk, area="journal")
