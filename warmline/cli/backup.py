"""`warmline backup` and `warmline restore`: the whole server, files included."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warmline.cli.common import (
    console,
    fail,
    setup_django,
)


def backup(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The zip to write.")],
) -> None:
    """A consistent snapshot of the whole database and uploaded files, as a zip."""
    setup_django()
    from warmline.exchange.backup import backup as make_backup

    try:
        held = make_backup(path)
    except OSError as error:
        fail(f"Cannot write {path}: {error.strerror}.")
    console.print(f"Backed up {held['rows']} rows and {held['files']} files to {path}.")


def restore(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="A zip from warmline backup.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that has data.")
    ] = False,
) -> None:
    """Restore a backup into an empty database (--force replaces what is there)."""
    setup_django()
    from warmline.exchange.backup import RestoreError
    from warmline.exchange.backup import restore as load_backup

    try:
        held = load_backup(path, force=force)
    except RestoreError as error:
        fail(str(error))
    console.print(
        f"Restored {held['rows']} rows and {held['files']} files from {path}."
    )
