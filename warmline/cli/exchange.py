"""`warmline import …`, `warmline export csv|vcard|json`, `backup` and `restore`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from warmline.cli.bootstrap import fail, resolve_user, setup_django
from warmline.cli.options import UserOption
from warmline.cli.outreach import export_app
from warmline.cli.people import find_person

import_app = typer.Typer(
    help="Bring people in from LinkedIn, Google, vCards or any CSV, or a whole "
    "Warmline JSON export into an empty account.",
    no_args_is_help=True,
)
console = Console()

FileArgument = Annotated[
    Path, typer.Argument(metavar="FILE", help="The file to import.")
]
MainOption = Annotated[
    bool, typer.Option("--main", help="They are your main contacts.")
]
TagOption = Annotated[str, typer.Option("--tag", help="Tag everyone imported.")]
IntroducedByOption = Annotated[
    str | None,
    typer.Option(
        "--introduced-by",
        metavar="NAME_OR_ID",
        help="Someone who gave you all these names.",
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show what would happen; write nothing.")
]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        fail(f"Cannot read {path}: {error.strerror}.")


def _run_import(
    kind: str,
    path: Path,
    *,
    main: bool,
    tag: str,
    introduced_by: str | None,
    dry_run: bool,
    user: str | None,
    mapping: dict[str, str] | None = None,
) -> None:
    setup_django()
    from warmline.exchange.importers import PARSERS, csv_generic
    from warmline.exchange.importing import import_rows
    from warmline.exchange.rows import ImportFileError

    owner = resolve_user(user)
    introducer = find_person(owner, introduced_by) if introduced_by else None
    data = _read(path)
    try:
        rows = (
            csv_generic.parse(data, path.name, mapping)
            if mapping is not None
            else PARSERS[kind](data, path.name)
        )
    except ImportFileError as error:
        fail(f"{error} Nothing was imported.")
    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
    ]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"Importing {path.name}", total=len(rows))
        result = import_rows(
            owner,
            rows,
            source=kind,
            main=main,
            tag=tag,
            introduced_by=introducer,
            dry_run=dry_run,
            progress=lambda done: progress.update(task, completed=done),
        )
    verb = "Would import" if dry_run else "Imported"
    console.print(
        f"{verb} {path.name}: [bold]{result.created}[/bold] new, "
        f"{result.updated} updated, {result.unchanged} unchanged"
        + (f", {result.repeated} repeated in the file" if result.repeated else "")
        + (" (dry run: nothing was written)." if dry_run else ".")
    )


def _command(kind: str, doc: str) -> Any:
    def command(
        path: FileArgument,
        main: MainOption = False,
        tag: TagOption = "",
        introduced_by: IntroducedByOption = None,
        dry_run: DryRunOption = False,
        user: UserOption = None,
    ) -> None:
        _run_import(
            kind,
            path,
            main=main,
            tag=tag,
            introduced_by=introduced_by,
            dry_run=dry_run,
            user=user,
        )

    command.__doc__ = doc
    return command


import_app.command("linkedin")(
    _command("linkedin", "Import LinkedIn's Connections.csv.")
)
import_app.command("google")(_command("google", "Import a Google Contacts CSV."))
import_app.command("vcard")(
    _command("vcard", "Import a vCard file (.vcf) of one or many cards.")
)


@import_app.command("csv")
def import_csv(
    path: FileArgument,
    map_: Annotated[
        str,
        typer.Option(
            "--map",
            metavar="FIELD=Column,…",
            help="Which column holds what, e.g. "
            "name=Full Name,email=Mail,organization=Company.",
        ),
    ],
    main: MainOption = False,
    tag: TagOption = "",
    introduced_by: IntroducedByOption = None,
    dry_run: DryRunOption = False,
    user: UserOption = None,
) -> None:
    """Import any CSV, mapping its columns to Warmline's fields."""
    from warmline.exchange.importers import csv_generic

    try:
        mapping = csv_generic.parse_mapping(map_)
    except ValueError as error:
        fail(f"--map {error}")
    _run_import(
        "csv",
        path,
        main=main,
        tag=tag,
        introduced_by=introduced_by,
        dry_run=dry_run,
        user=user,
        mapping=mapping,
    )


@import_app.command("json")
def import_json(path: FileArgument, user: UserOption = None) -> None:
    """Import a Warmline JSON export (version 1 or 2) into an empty account."""
    setup_django()
    from warmline.exchange.json_import import import_everything, read_export
    from warmline.exchange.rows import ImportFileError

    owner = resolve_user(user)
    try:
        counts = import_everything(
            owner, read_export(_read(path), str(path)), str(path)
        )
    except ImportFileError as error:
        fail(f"{error} Nothing was imported.")
    held = ", ".join(f"{n} {key.replace('_', ' ')}" for key, n in counts.items() if n)
    console.print(f"Imported {path.name} into {owner.username}: {held or 'nothing'}.")


OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write to this file, not stdout.")
]


def _write(output: Path | None, body: str) -> None:
    if output is None:
        typer.echo(body, nl=False)
        return
    try:
        output.write_text(body, encoding="utf-8")
    except OSError as error:
        fail(f"Cannot write {output}: {error.strerror}.")
    console.print(f"Wrote {output}.")


@export_app.command("csv")
def export_csv(output: OutputOption = None, user: UserOption = None) -> None:
    """People as CSV (cells a spreadsheet would run as formulas are neutralised)."""
    setup_django()
    from warmline.exchange.exports import people_csv

    _write(output, people_csv(resolve_user(user)))


@export_app.command("vcard")
def export_vcard(output: OutputOption = None, user: UserOption = None) -> None:
    """People as vCard 4.0, one card each."""
    setup_django()
    from warmline.exchange.exports import people_vcards

    _write(output, people_vcards(resolve_user(user)))


@export_app.command("json")
def export_json(output: OutputOption = None, user: UserOption = None) -> None:
    """Everything you own, as JSON (docs/export-format.md)."""
    setup_django()
    from warmline.exchange.exports import everything

    _write(
        output, json.dumps(everything(resolve_user(user)), indent=2, ensure_ascii=False)
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
