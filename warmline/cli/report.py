"""`warmline report`: the weekly report, for a coach."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from warmline.cli.common import (
    UserOption,
    fail,
    resolve_user,
    setup_django,
)


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
