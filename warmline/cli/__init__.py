"""The `warmline` command (Typer + Rich); only commands that need Django import it."""

from __future__ import annotations

from typing import Annotated

import typer

from warmline import __version__
from warmline.cli import (
    accounts,
    exchange,
    insights,
    meetings,
    outreach,
    people,
    serve,
    tick,
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
app.add_typer(people.app, name="people")
app.add_typer(meetings.app, name="meetings")
app.command("today")(outreach.today)
app.add_typer(outreach.calls_app, name="calls")
app.command("followups")(outreach.followups)
app.add_typer(outreach.export_app, name="export")
app.add_typer(exchange.import_app, name="import")
app.command("backup")(exchange.backup)
app.command("restore")(exchange.restore)
app.add_typer(insights.targets_app, name="targets")
app.command("report")(insights.report)
app.command("tick")(tick.tick)


def main() -> None:
    app()
