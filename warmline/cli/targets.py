"""`warmline targets [add]`: target organizations and the warmest path in."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    resolve_user,
    setup_django,
)

targets_app = typer.Typer(
    help="Target organizations and the warmest path in.", invoke_without_command=True
)


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
