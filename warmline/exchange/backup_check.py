"""Checking a backup whole before anything is restored from it.

Refused, each with its reason: a file that is not a readable zip (damaged, truncated),
a member whose name would write outside the data directory or that appears twice, a
zip that is not a Warmline backup, a member that fails its checksum, a manifest of a
version this Warmline does not read, rows of a table no backup holds, row counts
other than the manifest's, a file a row refers to that is not in the archive, and a
backup with no account (restoring it would only empty the server).
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from warmline.exchange.backup_format import (
    DATA,
    FILES,
    FORMAT,
    MANIFEST,
    READABLE_VERSIONS,
    VERSION,
    BackupError,
    counts_in_rows,
    differences,
    is_import_upload,
    is_unsafe,
    referenced_files,
    table_label,
)

Refuse = Callable[[str], NoReturn]

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class CheckedBackup:
    """A backup found sound: its manifest, its rows and the files to restore."""

    manifest: dict[str, Any]
    data: bytes
    rows: int
    counts: dict[str, int]  # rows by table: what data.json holds and the manifest says
    files: list[str]  # members under files/, import uploads (version 1) left out


@contextmanager
def open_archive(source: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise BackupError(f"{source}: no such file.") from None
    except (OSError, zipfile.BadZipFile, EOFError) as error:
        raise BackupError(
            f"{source}: not a readable zip, damaged or truncated ({error})."
        ) from None
    with archive:
        yield archive


def check(source: Path) -> CheckedBackup:
    """Check the backup at `source` without restoring it."""
    with open_archive(source) as archive:
        return check_archive(archive, source)


def check_archive(archive: zipfile.ZipFile, source: Path) -> CheckedBackup:
    """Check an open backup whole; raise BackupError naming what is wrong."""

    def refuse(reason: str) -> NoReturn:
        raise BackupError(f"{source}: {reason}.")

    names = archive.namelist()
    for name in names:
        if is_unsafe(name):
            refuse(f"member {name!r} would be written outside the data directory")
    if len(set(names)) < len(names):
        refuse("a member name appears twice")
    if MANIFEST not in names:
        refuse(f"not a Warmline backup (no {MANIFEST})")
    for info in archive.infolist():
        if reason := _damage(archive, info):
            refuse(f"damaged: {info.filename} {reason}")
    manifest = _read_json(archive, MANIFEST, refuse)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        refuse(f"not a Warmline backup (its {MANIFEST} is not a Warmline manifest)")
    if manifest.get("version") not in READABLE_VERSIONS:
        readable = ", ".join(map(str, READABLE_VERSIONS))
        refuse(
            f"its manifest has version {manifest.get('version')!r}; this Warmline "
            f"reads versions {readable}"
        )
    known = (MANIFEST, DATA)
    foreign = [n for n in names if n not in known and not n.startswith(FILES)]
    if foreign:
        refuse(f"not a Warmline backup (unexpected member {foreign[0]})")
    if DATA not in names:
        refuse(f"{DATA} is missing")
    rows = _read_json(archive, DATA, refuse)
    if not isinstance(rows, list) or not all(_is_row(row) for row in rows):
        refuse(f"{DATA} is not a list of rows")
    try:
        counts = counts_in_rows(rows)
    except KeyError as error:
        refuse(f"{DATA} holds rows of {error.args[0]}, a table no backup holds")
    _check_counts(counts, rows, manifest, refuse)
    _check_values(rows, refuse)
    if not counts[table_label(get_user_model())]:
        refuse("it holds no account; restoring it would only empty the database")
    files = [n for n in names if n.startswith(FILES) and not n.endswith("/")]
    if len(files) != manifest.get("files"):
        stated = manifest.get("files")
        refuse(f"it holds {len(files)} files; its manifest says {stated}")
    for name, row in referenced_files(rows).items():
        if FILES + name not in names:
            refuse(f"{FILES}{name}, the file of {row}, is missing")
    return CheckedBackup(
        manifest=manifest,
        data=archive.read(DATA),
        rows=len(rows),
        counts=counts,
        files=[n for n in files if not is_import_upload(n[len(FILES) :])],
    )


def _check_values(rows: list[dict[str, Any]], refuse: Refuse) -> None:
    """Every value as its model field reads and checks it (type, length, range,
    a time zone, an http(s) link), and every reference to a row the backup holds:
    what restoring would load, or find broken only when pages fail later."""
    present = {(row["model"], row.get("pk")) for row in rows}
    held = set(counts_in_rows(rows))
    for row in rows:
        model = apps.get_model(row["model"])
        where = f"{DATA}: {row['model']} {row.get('pk')}"
        for name, value in row.get("fields", {}).items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                refuse(f"{where} has a field {name!r} that {row['model']} has not")
            if not isinstance(field, models.Field) or field.many_to_many:
                continue
            if field.is_relation:
                target = field.related_model
                label = (
                    target._meta.label_lower
                    if isinstance(target, type) and issubclass(target, models.Model)
                    else ""
                )
                if (
                    isinstance(value, int)
                    and label in held
                    and (label, value) not in present
                ):
                    refuse(f"{where}: {name} points to {label} {value}, not in it")
                continue
            try:
                python = field.to_python(value)
                if python not in field.empty_values:
                    field.run_validators(python)
            except ValidationError as error:
                refuse(f"{where}: {name}: {' '.join(error.messages)}")


def _damage(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """Why a member cannot be read whole with its checksum right, or None."""
    try:
        with archive.open(info) as member:
            while member.read(CHUNK):
                pass
    except zipfile.BadZipFile as error:
        return "fails its checksum" if "CRC" in str(error) else f"({error})"
    except (zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
        return f"cannot be read ({error})"
    return None


def _read_json(archive: zipfile.ZipFile, name: str, refuse: Refuse) -> Any:
    try:
        return json.loads(archive.read(name))
    except (ValueError, RecursionError) as error:
        refuse(f"{name} is not JSON ({error})")


def _is_row(row: Any) -> bool:
    return (
        isinstance(row, dict)
        and isinstance(row.get("model"), str)
        and isinstance(row.get("fields"), dict)
    )


def _check_counts(
    counts: dict[str, int],
    rows: list[dict[str, Any]],
    manifest: dict[str, Any],
    refuse: Refuse,
) -> None:
    """The rows must be what the manifest says: by table (version 2) or in all."""
    if manifest["version"] < VERSION:
        if manifest.get("rows") != len(rows):
            refuse(
                f"{DATA} holds {len(rows)} rows; its manifest says "
                f"{manifest.get('rows')}"
            )
        return
    stated = manifest.get("counts")
    if not isinstance(stated, dict):
        refuse(f"its {MANIFEST} has no counts")
    if unknown := sorted(set(stated) - set(counts)):
        refuse(f"its manifest counts {unknown[0]}, a table no backup holds")
    if counts != {table: stated.get(table, 0) for table in counts}:
        refuse(
            f"{DATA} does not hold what its manifest says: "
            f"{differences(counts, stated)}"
        )
