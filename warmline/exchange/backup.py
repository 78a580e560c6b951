"""Writing a backup of the whole server: every account's rows and uploaded files.

The rows go through Django's own serializer (dumpdata), read inside one transaction
with their counts, so the snapshot is consistent even while the server is writing:
SQLite in WAL mode reads from one snapshot, PostgreSQL is asked for REPEATABLE READ.
What a backup holds is in backup_format.py; the zip is written beside its target,
checked as a restore would check it, and only then renamed into place, so a failed
backup never leaves a file that looks like one (nor removes the one there before).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from warmline import __version__
from warmline.exchange import schema
from warmline.exchange.backup_check import check
from warmline.exchange.backup_format import (
    DATA,
    FILES,
    FORMAT,
    MANIFEST,
    VERSION,
    BackupError,
    counts_in_database,
    is_import_upload,
    referenced_files,
)


def backup(target: Path) -> dict[str, int]:
    """Write a backup zip; return what it holds."""
    buffer = io.StringIO()
    outermost = not connection.in_atomic_block  # inside a caller's, theirs applies
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            *(model._meta.label for model in schema.backed_up_models()),
            natural_foreign=True,
            use_base_manager=True,  # every row, whatever a default manager hides
            indent=None,
            stdout=buffer,
        )
        counts = counts_in_database()
    data = buffer.getvalue()
    rows = json.loads(data)
    files = media_files()
    for name, row in referenced_files(rows).items():
        if name not in files:
            raise BackupError(
                f"Cannot back up: {Path(settings.MEDIA_ROOT) / name}, the file of "
                f"{row}, is missing; put it back, or delete that row."
            )
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "created_at": timezone.now().isoformat(),
        "rows": len(rows),
        "files": len(files),
        "counts": counts,
    }
    partial = target.with_name(f".{target.name}.partial")
    try:
        _write(partial, manifest, data, files)
        check(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return {"rows": len(rows), "files": len(files)}


def media_files() -> dict[str, Path]:
    """Uploaded files by their name in MEDIA_ROOT, import uploads left out."""
    media = Path(settings.MEDIA_ROOT)
    if not media.exists():
        return {}
    return {
        name: path
        for path in sorted(media.rglob("*"))
        if path.is_file()
        and not is_import_upload(name := path.relative_to(media).as_posix())
    }


def _write(
    target: Path, manifest: dict[str, object], data: str, files: dict[str, Path]
) -> None:
    # A backup holds every account: private from its first byte, wherever it goes.
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
        archive.writestr(DATA, data)
        for name, path in files.items():
            archive.write(path, FILES + name)
