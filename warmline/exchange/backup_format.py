"""What a Warmline backup holds, stated once for writing one and for checking one.

A backup is a zip of:
- `manifest.json`: the format and its version, the app version, when it was made,
  how many files, and how many rows of each table (`counts`, by model label, the
  pair tables of many-to-manys included);
- `data.json`: the rows of every backed-up table (`schema.backed_up_models`), as
  Django's JSON serializer writes them;
- `files/...`: the uploaded files (resume versions) under their names in MEDIA_ROOT.
  Import uploads waiting between preview and confirm are never in it.

Version 1 had a total of rows instead of counts by table; it is still read.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django.db import models

from warmline.exchange import schema, uploads

DATA = "data.json"
MANIFEST = "manifest.json"
FILES = "files/"
FORMAT = "warmline-backup"
VERSION = 2
READABLE_VERSIONS = (1, VERSION)


class BackupError(Exception):
    """A backup that cannot be written, or an archive that must not be restored; the
    message names the file and what is wrong, in one line."""


def table_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def counts_in_database() -> dict[str, int]:
    """Rows of every backed-up table, as the database holds them now."""
    return {
        table_label(table): table._base_manager.count()
        for table in schema.backed_up_tables()
    }


def counts_in_rows(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Rows of every backed-up table in serialized rows, pair tables included.

    Raises KeyError with the label of a row whose table no backup holds."""
    models_by_label = {table_label(m): m for m in schema.backed_up_models()}
    counts = dict.fromkeys(map(table_label, schema.backed_up_tables()), 0)
    for row in rows:
        model = models_by_label[row["model"]]
        counts[row["model"]] += 1
        for field in model._meta.local_many_to_many:
            pairs = schema.through(field)  # type: ignore[arg-type]
            if pairs._meta.auto_created:
                counts[table_label(pairs)] += len(row["fields"].get(field.name, []))
    return counts


def referenced_files(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The name in MEDIA_ROOT of every file a row refers to, with that row."""
    file_fields = {
        table_label(model): [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.FileField)
        ]
        for model in schema.backed_up_models()
    }
    return {
        row["fields"][name]: f"{row['model']} {row.get('pk')}"
        for row in rows
        for name in file_fields.get(row["model"], [])
        if row["fields"].get(name)
    }


def differences(found: dict[str, int], stated: dict[str, int]) -> str:
    """The tables whose counts differ, the first few of them, for one line."""
    differ = [
        f"{table} {count} (manifest {stated.get(table, 0)})"
        for table, count in found.items()
        if count != stated.get(table, 0)
    ]
    more = f" and {len(differ) - SHOWN} more" if len(differ) > SHOWN else ""
    return ", ".join(differ[:SHOWN]) + more


SHOWN = 3


def is_import_upload(name: str) -> bool:
    """Whether a name in MEDIA_ROOT is an import upload (never backed up)."""
    return PurePosixPath(name).parts[:1] == (uploads.FOLDER,)


def is_unsafe(name: str) -> bool:
    """Whether an archive member's name could write outside the folder it goes to."""
    path = PurePosixPath(name)
    return "\\" in name or "\0" in name or path.is_absolute() or ".." in path.parts
