"""Backup and restore of the whole database and uploaded files, as one zip.

The data goes through Django's own serializers (dumpdata / loaddata), read inside one
transaction so the snapshot is consistent even while the server is writing: SQLite in
WAL mode reads from one snapshot, PostgreSQL is asked for REPEATABLE READ.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from warmline import __version__
from warmline.accounts.models import User
from warmline.people import derived

DATA = "data.json"
MANIFEST = "manifest.json"
FILES = "files/"


class RestoreError(Exception):
    pass


def backed_up_apps() -> list[str]:
    """Every Warmline app with models, from the app registry: a new one is in."""
    return [
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("warmline.") and list(config.get_models())
    ]


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
            *backed_up_apps(),
            natural_foreign=True,
            indent=None,
            stdout=buffer,
            exclude=["contenttypes", "auth.permission"],
        )
    data = buffer.getvalue()
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    rows = json.loads(data)
    manifest = {
        "format": "warmline-backup",
        "version": 1,
        "app_version": __version__,
        "created_at": timezone.now().isoformat(),
        "rows": len(rows),
        "files": len(files),
    }
    # A backup holds every account: private from its first byte, wherever it goes.
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
        archive.writestr(DATA, data)
        for path in files:
            archive.write(path, FILES + path.relative_to(media).as_posix())
    return {"rows": len(rows), "files": len(files)}


def restore(source: Path, *, force: bool = False) -> dict[str, int]:
    """Load a backup into an empty database (or, with force, replace what is there)."""
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as error:
        raise RestoreError(f"{source}: not a Warmline backup ({error}).") from None
    with archive:
        names = set(archive.namelist())
        if not {MANIFEST, DATA} <= names:
            raise RestoreError(f"{source}: not a Warmline backup (no {MANIFEST}).")
        manifest = json.loads(archive.read(MANIFEST))
        if manifest.get("format") != "warmline-backup":
            raise RestoreError(f"{source}: not a Warmline backup.")
        if User.objects.exists() and not force:
            raise RestoreError(
                "The database is not empty; restore with --force to replace it."
            )
        media = Path(settings.MEDIA_ROOT)
        with transaction.atomic():
            if force:
                # Every row belongs to a user: deleting the users cascades to all of
                # it, inside this transaction (TRUNCATE would not be, on PostgreSQL).
                User.objects.all().delete()
            fixture = media.parent / f".restore-{timezone.now():%Y%m%d%H%M%S}.json"
            fixture.write_bytes(archive.read(DATA))
            try:
                call_command("loaddata", str(fixture), verbosity=0)
            finally:
                fixture.unlink(missing_ok=True)
            for owner_id in User.objects.values_list("pk", flat=True):
                derived.network_changed(
                    owner_id
                )  # a backup from an older version lacks them
        restored = 0
        for name in names:
            if name.startswith(FILES) and not name.endswith("/"):
                relative = Path(name[len(FILES) :])
                if ".." in relative.parts or relative.is_absolute():
                    continue  # never write outside the data directory
                target = media / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
                restored += 1
    return {"rows": manifest["rows"], "files": restored}
