"""`warmline export …`: CSV, vCard, iCalendar and the JSON of everything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from warmline.cli.common import (
    UserOption,
    console,
    fail,
    resolve_user,
    setup_django,
)

export_app = typer.Typer(help="Take your data out.", no_args_is_help=True)


OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="Write to this file, not stdout ('-')."),
]


def _write(output: Path | None, body: str) -> None:
    if output is None or str(output) == "-":
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


@export_app.command("ics")
def export_ics(output: OutputOption = None, user: UserOption = None) -> None:
    """Meetings and follow-ups as an iCalendar file."""
    setup_django()
    from warmline.home.calendar import calendar_for

    _write(output, calendar_for(resolve_user(user)).decode())
