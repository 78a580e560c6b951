"""Restoring a backup: checked whole, loaded beside the old data, then swapped in.

1. The archive is checked whole (backup_check.py): anything damaged, truncated,
   mismatched or foreign is refused before anything is touched.
2. Its files are written to a staging folder next to MEDIA_ROOT.
3. Its rows are loaded beside the old ones, derived data recomputed, and every
   table counted against the manifest:
   - SQLite: into a new database file, renamed over the old one (sqlite_swap.py);
   - PostgreSQL (and SQLite in memory, in tests): in one transaction that empties
     the tables, loads them and counts them, committed only if all is right.
   Until then the old data is as it was; any failure, or a kill, leaves it so.
4. The staged files become MEDIA_ROOT, and the old files are removed.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from warmline.exchange import schema, sqlite_swap
from warmline.exchange.backup_check import CheckedBackup, check_archive, open_archive
from warmline.exchange.backup_format import (
    DATA,
    FILES,
    BackupError,
    counts_in_database,
    differences,
)
from warmline.outreach.services import renew_retired_defaults
from warmline.people import derived

STAGING = ".restoring"  # next to MEDIA_ROOT: the new files, the rows, the old files


def restore(source: Path, *, force: bool = False) -> dict[str, int]:
    """Load a backup into an empty database (or, with force, replace what is there)."""
    with open_archive(source) as archive:
        checked = check_archive(archive, source)
        if get_user_model()._default_manager.exists() and not force:
            raise BackupError(
                "The database is not empty; restore with --force to replace it."
            )
        media = Path(settings.MEDIA_ROOT)
        staging = media.with_name(STAGING)
        shutil.rmtree(staging, ignore_errors=True)  # left by a restore that was killed
        try:
            _stage(archive, checked, staging, source)
            fixture = staging / DATA
            if sqlite_swap.can_swap():
                sqlite_swap.replace_database(lambda: _load(fixture, checked, source))
            else:
                _load(fixture, checked, source, empty_first=True)
            _move_in(staging, media)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return {"rows": checked.rows, "files": len(checked.files)}


def _stage(
    archive: zipfile.ZipFile, checked: CheckedBackup, staging: Path, source: Path
) -> None:
    """Write the rows and the files to restore into the staging folder, privately."""
    try:
        staging.mkdir(mode=0o700)
        _write_private(staging / DATA, checked.data)
        (staging / "files").mkdir(mode=0o700)
        for name in checked.files:
            target = staging / "files"
            for part in PurePosixPath(name[len(FILES) :]).parts[:-1]:
                target = target / part
                target.mkdir(mode=0o700, exist_ok=True)
            _write_private(target / PurePosixPath(name).name, archive.read(name))
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"{source}: cannot stage its files ({error}).") from None


def _write_private(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)


def _load(
    fixture: Path, checked: CheckedBackup, source: Path, *, empty_first: bool = False
) -> None:
    """Load the rows in one transaction; roll it all back unless every table then
    holds exactly what the manifest says."""
    with transaction.atomic():
        if empty_first:
            _empty_tables()
        try:
            call_command("loaddata", str(fixture), verbosity=0)
        # Whatever a row makes Django raise (a broken reference, a bad value), the
        # transaction is rolled back and the user gets the reason in one line.
        except Exception as error:
            reason = (str(error) or type(error).__name__).splitlines()[0]
            raise BackupError(
                f"{source}: its rows cannot be loaded ({reason})."
            ) from None
        # A backup from an older version lacks derived data, or has it otherwise,
        # and may hold default templates that spoke for the user (as migrations do).
        for owner_id in get_user_model()._default_manager.values_list("pk", flat=True):
            derived.network_changed(owner_id)
            renew_retired_defaults(owner_id)
        found = counts_in_database()
        if found != checked.counts:
            raise BackupError(
                f"{source}: the restored tables differ from its manifest: "
                f"{differences(found, checked.counts)}."
            )


def _empty_tables() -> None:
    """Empty every table but those migrate made (sessions too: all sign in again)."""
    kept = {apps.get_model(label)._meta.db_table for label in schema.MADE_BY_MIGRATE}
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in kept
    ]
    # PostgreSQL empties them with TRUNCATE, which holds every writer off until the
    # commit but refuses a table with deferred checks pending (inside a caller's
    # transaction): run those first.
    connection.check_constraints()
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))


def _move_in(staging: Path, media: Path) -> None:
    """The staged files become MEDIA_ROOT; the old ones go, import uploads too (their
    sign-ins are gone with the old database)."""
    if media.exists():
        media.rename(staging / "old-files")
    (staging / "files").rename(media)
