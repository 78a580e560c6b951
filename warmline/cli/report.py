"""`warmline report`: the weekly report, for a coach."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from warmline.cli.common import (
    UserOption,
    console,
    fail,
    resolve_user,
    setup_django,
)

if TYPE_CHECKING:
    from warmline.accounts.models import User


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
    email: Annotated[
        str | None,
        typer.Option(
            "--email",
            metavar="ADDRESS",
            help="Email it to this address (text and HTML) instead of printing it.",
        ),
    ] = None,
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
    owner = resolve_user(user)
    if email is not None:
        _email(owner, monday, email)
        return
    data = weekly_report(owner, monday)
    if fmt == ReportFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == ReportFormat.html:
        typer.echo(render_to_string("insights/report_standalone.html", {"r": data}))
    else:
        typer.echo(as_markdown(data), nl=False)


def _email(owner: User, monday: dt.date, address: str) -> None:
    from django.core.exceptions import ValidationError

    from warmline.insights.report import week_name
    from warmline.journal.report_mail import prints_instead_of_sending, send_report

    try:
        send_report(owner, monday, address.strip())
    except ValidationError:
        fail(f"{address!r} is not an email address.")
    except OSError as error:  # smtplib's errors are OSErrors
        fail(f"Could not send the report to {address}: {error}.")
    if prints_instead_of_sending():
        console.print(
            f"No SMTP server is set (WARMLINE_EMAIL_HOST): the email to {address} "
            "is printed above, not sent."
        )
        return
    console.print(f"Sent the report for week {week_name(monday)} to {address}.")
