"""Uploaded import files waiting between preview and confirm, under WARMLINE_HOME."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings

MAX_BYTES = 50 * 1024 * 1024
# Under MEDIA_ROOT; never backed up (backup_format.is_import_upload).
FOLDER = "imports"


def _folder(owner_id: int) -> Path:
    folder = Path(settings.MEDIA_ROOT) / FOLDER / str(owner_id)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep(owner_id: int, data: bytes) -> str:
    token = secrets.token_hex(16)
    (_folder(owner_id) / token).write_bytes(data)
    return token


def read(owner_id: int, token: str) -> bytes | None:
    if not token.isalnum():
        return None
    path = _folder(owner_id) / token
    return path.read_bytes() if path.is_file() else None


def discard(owner_id: int, token: str) -> None:
    if token.isalnum():
        (_folder(owner_id) / token).unlink(missing_ok=True)
