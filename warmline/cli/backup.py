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
from warmline.core.words import counted


def backup(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="The zip to write (or to check).")
    ],
    check: Annotated[
        bool,
        typer.Option("--check", help="Check FILE as a restore would; change nothing."),
    ] = False,
) -> None:
    """A consistent snapshot of the whole database and uploaded files, as a zip."""
    setup_django()
    from warmline.exchange.backup import backup as make_backup
    from warmline.exchange.backup_check import check as check_backup
    from warmline.exchange.backup_format import BackupError

    if check:
        try:
            checked = check_backup(path)
        except BackupError as error:
            fail(str(error))
        console.print(
            f"{path} is sound: {counted(checked.rows, 'row')} and "
            f"{counted(len(checked.files), 'file')}, "
            f"backed up {checked.manifest.get('created_at', 'at an unknown time')}.",
            soft_wrap=True,
        )
        return
    try:
        held = make_backup(path)
    except BackupError as error:
        fail(str(error))
    except OSError as error:
        fail(f"Cannot write {path}: {error.strerror}.")
    console.print(
        f"Backed up {counted(held['rows'], 'row')} and "
        f"{counted(held['files'], 'file')} to {path}.",
        soft_wrap=True,
    )


def restore(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="A zip from warmline backup.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that has data.")
    ] = False,
) -> None:
    """Restore a backup into an empty database (--force replaces what is there).

    The backup is checked whole first and loaded beside the data it replaces: if
    anything is wrong, nothing is changed."""
    setup_django()
    from warmline.exchange.backup_format import BackupError
    from warmline.exchange.restore import restore as load_backup

    try:
        held = load_backup(path, force=force)
    except BackupError as error:
        fail(f"{error} Nothing was changed.")
    console.print(
        f"Restored {counted(held['rows'], 'row')} and "
        f"{counted(held['files'], 'file')} from {path}.",
        soft_wrap=True,
    )
