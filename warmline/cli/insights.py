"""`warmline targets [add]` and `warmline report`."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from warmline.cli.bootstrap import fail, resolve_user, setup_django
from warmline.cli.options import JsonOption, UserOption

targets_app = typer.Typer(
    help="Target organizations and the warmest path in.", invoke_without_command=True
)
console = Console()


@targets_app.callback()
def list_targets(
    ctx: typer.Context, as_json: JsonOption = False, user: UserOption = None
) -> None:
    """Target organizations, most wanted first, with who you know there."""
    if ctx.invoked_subcommand is not None:
        return
    setup_django()
    from warmline.insights.targets import targets

    rows = [t.as_dict() for t in targets(resolve_user(user))]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} target organizations", title_justify="left")
    for column in (
        "Organization",
        "Motivation",
        "Postings",
        "Advocate",
        "Warmest path",
    ):
        table.add_column(column, overflow="fold")
    for r in rows:
        path = " → ".join(["Me", *r["path"]]) if r["path"] else "nobody yet"  # type: ignore[misc]
        table.add_row(
            str(r["organization"]),
            str(r["motivation"] if r["motivation"] is not None else "—"),
            str(r["postings"] or "—"),
            "yes" if r["advocate"] else "",
            path,
        )
    console.print(table)


@targets_app.command("add")
def add_target(
    organization: Annotated[
        str, typer.Argument(metavar="ORG", help="The organization.")
    ],
    motivation: Annotated[
        int | None, typer.Option(help="How much you want it, 0-3 (kept if left out).")
    ] = None,
    postings: Annotated[
        int | None, typer.Option(help="How many postings, 1-3 (kept if left out).")
    ] = None,
    user: UserOption = None,
) -> None:
    """Mark an organization as a target (it is created if new)."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.people.services import mark_target

    try:
        org = mark_target(
            resolve_user(user), organization, motivation=motivation, postings=postings
        )
    except ValidationError as error:
        fail(" ".join(error.messages))
    console.print(f"{org.name} is a target.")


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def report(
    week: Annotated[
        str | None,
        typer.Option(metavar="YYYY-Www", help="An ISO week; default this week."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="md, html or json.")
    ] = ReportFormat.md,
    user: UserOption = None,
) -> None:
    """The weekly report: what you did, met, learned and gained, for a coach."""
    setup_django()
    from django.template.loader import render_to_string

    from warmline.insights.report import as_markdown, parse_week, weekly_report

    try:
        monday = parse_week(week)
    except ValueError as error:
        fail(str(error))
    data = weekly_report(resolve_user(user), monday)
    if fmt == ReportFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == ReportFormat.html:
        typer.echo(render_to_string("insights/report_standalone.html", {"r": data}))
    else:
        typer.echo(as_markdown(data), nl=False)
