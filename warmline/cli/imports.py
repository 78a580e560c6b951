"""`warmline import …`: LinkedIn, Google, vCard, CSV and Warmline JSON files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from warmline.cli.common import (
    UserOption,
    console,
    fail,
    find_person,
    resolve_user,
    setup_django,
    styled,
)

import_app = typer.Typer(
    help="Bring people in from LinkedIn, Google, vCards or any CSV, or a whole "
    "Warmline JSON export into an empty account.",
    no_args_is_help=True,
)


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as error:
        fail(f"Cannot read {path}: {error.strerror}.")


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
    from warmline.exchange.import_plan import LISTED_KINDS
    from warmline.exchange.importers import csv_generic, read
    from warmline.exchange.importing import import_rows
    from warmline.exchange.rows import ImportFileError, check_size

    owner = resolve_user(user)
    introducer = find_person(owner, introduced_by) if introduced_by else None
    try:
        check_size(_size(path), path.name)  # before reading it
        data = _read(path)
        if kind == "csv" and mapping is None:
            mapping = csv_generic.guess(csv_generic.headers(data, path.name))
            shown = ", ".join(f"{f}={c}" for f, c in mapping.items()) or "none"
            console.print(f"Columns matched by their headers: {shown}.", style="dim")
        rows = read(kind, data, path.name, mapping)
    except ImportFileError as error:
        fail(f"{error} Nothing was imported.")
    columns = [
        TextColumn("{task.description}", style="bold", markup=False),
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
        f"{verb} {path.name}: {result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged"
        + (f", {result.repeated} repeated in the file" if result.repeated else "")
        + (f", {result.skipped} not imported" if result.skipped else "")
        + (" (dry run: nothing was written)." if dry_run else ".")
    )
    # Every row that is not simply new, with why: what the web's preview lists.
    for kind, title in LISTED_KINDS.items():
        listed = result.listed[kind]
        if kind == "unchanged" or not listed.count:
            continue
        console.print(styled(("\n" + title, "bold"), f" ({listed.count})"))
        for line, name, why in listed.rows:
            console.print(
                f"  line {line}: {name + ': ' if name else ''}{why}", soft_wrap=True
            )
        if listed.more:
            console.print(f"  and {listed.more} more", style="dim")


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
            "name=Full Name,email=Mail,organization=Company. Without it, the "
            "columns are matched by their headers (Warmline's own CSV export too).",
        ),
    ] = "",
    main: MainOption = False,
    tag: TagOption = "",
    introduced_by: IntroducedByOption = None,
    dry_run: DryRunOption = False,
    user: UserOption = None,
) -> None:
    """Import any CSV, mapping its columns to Warmline's fields."""
    setup_django()  # the importers read the models' limits
    from warmline.exchange.importers import csv_generic

    try:
        mapping = csv_generic.parse_mapping(map_) if map_ else None
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
