"""Uploaded import files waiting between preview and confirm, under WARMLINE_HOME.

Each is deleted once its import is confirmed, cancelled or refused; one left behind
(a preview never confirmed) is deleted a day later, whenever another upload is kept
and by `warmline tick`. They are the owner's alone (0600 in 0700 folders) and never
go into a backup (`backup_format.is_import_upload`).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

# Under MEDIA_ROOT; never backed up (backup_format.is_import_upload).
FOLDER = "imports"
KEPT_FOR = dt.timedelta(days=1)


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER


def _folder(owner_id: int) -> Path:
    folder = _root() / str(owner_id)
    for level in (folder.parent.parent, folder.parent, folder):
        level.mkdir(mode=0o700, exist_ok=True)
    return folder


def keep(owner_id: int, chunks: Iterable[bytes]) -> str:
    """Store an upload, written as it arrives; the token that finds it again."""
    remove_leftovers()
    token = secrets.token_hex(16)
    fd = os.open(_folder(owner_id) / token, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return token


def read(owner_id: int, token: str) -> bytes | None:
    if not token.isalnum():
        return None
    path = _folder(owner_id) / token
    return path.read_bytes() if path.is_file() else None


def discard(owner_id: int, token: str) -> None:
    if token.isalnum():
        (_folder(owner_id) / token).unlink(missing_ok=True)


def remove_leftovers() -> int:
    """Delete every owner's uploads older than KEPT_FOR; count them."""
    if not _root().is_dir():
        return 0
    oldest = time.time() - KEPT_FOR.total_seconds()
    removed = 0
    for path in _root().glob("*/*"):
        try:
            if path.is_file() and path.stat().st_mtime < oldest:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # removed meanwhile (its import confirmed)
            continue
    return removed
