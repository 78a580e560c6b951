"""Replacing a SQLite database whole: build the new one beside it, swap with a rename.

The new database is built in `<name>.restoring`, next to the live file, starting
from the live file's schema and the rows migrate made (applied migrations, content
types, permissions). Django's connection points at it while the caller loads it;
then it is renamed over the live file. rename() is atomic: a process killed at any
moment, or anyone opening the database, finds the old file or the new one, whole.

The old file's write-ahead log and shared-memory index (`-wal`, `-shm`) must not
outlive it: SQLite would read an old log's pages into the new file. So, just before
the rename, the old file is switched out of WAL mode, which checkpoints its log and
deletes both; SQLite allows that only when no other connection has it open, so a
running server is found out here and the restore refused. The old file is then
held locked until it is replaced, so that nothing writes to it in between.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

from warmline.exchange import schema
from warmline.exchange.backup_format import BackupError

SUFFIXES = ("-wal", "-shm", "-journal")  # SQLite's companions of a database file
LOCK_WAIT_SECONDS = 5


def can_swap() -> bool:
    """Whether the database is a SQLite file this process may swap (not an in-memory
    test database, not inside a caller's transaction)."""
    return (
        connection.vendor == "sqlite"
        and not connection.is_in_memory_db()  # type: ignore[attr-defined]
        and not connection.in_atomic_block
    )


def replace_database(load: Callable[[], None]) -> None:
    """Build a new database with `load()` (Django's connection pointed at it) and swap
    it in; if `load` raises, the live database is left as it was."""
    named = connection.settings_dict["NAME"]
    live = Path(named)
    fresh = live.with_name(live.name + ".restoring")
    connections.close_all()
    _remove(fresh)  # left by a restore that was killed
    try:
        _copy_schema(live, fresh)
        connection.settings_dict["NAME"] = fresh
        try:
            load()
        finally:
            connection.close()  # the last connection: SQLite removes fresh's -wal, -shm
            connection.settings_dict["NAME"] = named
        _swap(fresh, live)
    finally:
        _remove(fresh)


def _copy_schema(live: Path, fresh: Path) -> None:
    """Make `fresh` with `live`'s tables and indexes, and the rows migrate made."""
    kept = [
        MigrationRecorder.Migration._meta.db_table,
        *(apps.get_model(label)._meta.db_table for label in schema.MADE_BY_MIGRATE),
    ]
    # Private from its first byte: SQLite gives its -wal and -shm the same mode.
    os.close(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    db = sqlite3.connect(fresh, isolation_level=None)
    try:
        db.execute("ATTACH DATABASE ? AS live", (str(live),))
        db.execute("BEGIN")  # one snapshot of the live file
        statements = db.execute(
            "SELECT sql FROM live.sqlite_master WHERE sql IS NOT NULL"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            " ORDER BY type != 'table', rowid"
        ).fetchall()
        for (sql,) in statements:
            db.execute(sql)
        for table in kept:
            db.execute(f'INSERT INTO main."{table}" SELECT * FROM live."{table}"')
        db.execute("COMMIT")
        db.execute("DETACH DATABASE live")
    finally:
        db.close()


def _swap(fresh: Path, live: Path) -> None:
    old = sqlite3.connect(live, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
    try:
        try:
            mode = old.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            old.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise BackupError(f"{live}: {error}.") from None
            mode = "locked"
        if mode.lower() != "delete":
            raise BackupError(
                f"{live} is in use by another process (is `warmline serve` "
                "running?); stop it and restore again."
            )
        # Nobody else has the old file open and nobody can open it for writing now:
        # a companion file still there is stale, and must not meet the new file.
        for suffix in SUFFIXES:
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        _fsync(fresh)
        os.replace(fresh, live)
        _fsync(live.parent)
    finally:
        old.close()


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(database: Path) -> None:
    for path in [database, *(Path(f"{database}{s}") for s in SUFFIXES)]:
        path.unlink(missing_ok=True)
