"""The `warmline` command (Typer + Rich); only commands that need Django import it."""

from __future__ import annotations

from typing import Annotated

import typer

from warmline import __version__
from warmline.cli import (
    accounts,
    backup,
    calls,
    export,
    followups,
    imports,
    journal,
    meetings,
    people,
    report,
    serve,
    share,
    targets,
    tick,
    today,
    tokens,
)

app = typer.Typer(
    name="warmline",
    help="Warmline: your networking CRM. People, introductions, meetings and fans.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"warmline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = None,
) -> None:
    """Warmline: your networking CRM. People, introductions, meetings and fans."""


app.command("serve")(serve.serve)
app.command("demo")(accounts.demo)
app.command("createuser")(accounts.createuser)
app.command("changepassword")(accounts.changepassword)
app.add_typer(people.app, name="people")
app.add_typer(meetings.app, name="meetings")
app.command("today")(today.today)
app.add_typer(calls.calls_app, name="calls")
app.add_typer(followups.followups_app, name="followups")
app.add_typer(export.export_app, name="export")
app.add_typer(imports.import_app, name="import")
app.command("backup")(backup.backup)
app.command("restore")(backup.restore)
app.add_typer(targets.targets_app, name="targets")
app.add_typer(journal.journal_app, name="journal")
app.command("report")(report.report)
app.command("tick")(tick.tick)
app.add_typer(share.share_app, name="share")
app.add_typer(tokens.token_app, name="token")


def main() -> None:
    app()
