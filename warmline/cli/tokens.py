"""`warmline token …`: personal access tokens for the JSON API."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    print_json,
    resolve_user,
    setup_django,
)

token_app = typer.Typer(
    help="Personal access tokens for the JSON API (/api/v1/).", no_args_is_help=True
)


@token_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="What will use it.")],
    scope: Annotated[
        str, typer.Option("--scope", help="read, or write (read and write).")
    ] = "read",
    user: UserOption = None,
) -> None:
    """Make a token and print it, once, on its own line: it is not kept."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.api.services import create_token

    try:
        secret = create_token(resolve_user(user), name, scope)
    except ValidationError as error:
        fail(" ".join(error.messages))
    typer.echo(secret)


@token_app.command("list")
def list_tokens(as_json: JsonOption = False, user: UserOption = None) -> None:
    """Your tokens: name, first characters, scope, when made."""
    setup_django()
    from warmline.api.services import tokens_for

    rows = [
        {
            "name": t.name,
            "prefix": t.prefix,
            "scope": t.scope,
            "created_at": t.created_at.isoformat(),
        }
        for t in tokens_for(resolve_user(user))
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} tokens", title_justify="left")
    for column in ("Name", "Starts with", "Scope", "Made"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(r["name"], f"{r['prefix']}…", r["scope"], r["created_at"][:10])
    console.print(table)


@token_app.command("revoke")
def revoke(
    name: Annotated[str, typer.Argument(help="The token's name.")],
    user: UserOption = None,
) -> None:
    """Delete a token: whatever uses it is refused from now on."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.api.services import revoke_token

    try:
        revoke_token(resolve_user(user), name)
    except ValidationError as error:
        fail(" ".join(error.messages))
    console.print(f"Revoked {name}.")
