"""`warmline createuser` and `warmline demo`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from warmline.cli.common import (
    UserOption,
    console,
    fail,
    resolve_user,
    setup_django,
    styled,
)


def createuser(
    username: Annotated[str, typer.Argument(help="The new user's name.")],
    email: Annotated[str, typer.Option("--email", help="Their email address.")] = "",
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from standard input."),
    ] = False,
    superuser: Annotated[
        bool, typer.Option("--superuser", help="May use the admin at /admin/.")
    ] = False,
) -> None:
    """Add a user. Without a password they can only use local mode on 127.0.0.1."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.accounts.services import create_user

    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    if password_stdin and not password:
        fail("--password-stdin was given but standard input held no password.")
    try:
        user = create_user(
            username, email=email, password=password, superuser=superuser
        )
    except ValidationError as error:
        fail(" ".join(error.messages))
    kind = "superuser" if user.is_superuser else "user"
    console.print(styled(f"Created {kind} ", (user.username, "bold"), "."))


def demo(
    remove: Annotated[
        bool,
        typer.Option("--remove", help="Remove the demo network; your own data stays."),
    ] = False,
    user: UserOption = None,
) -> None:
    """Load the demo network to explore Warmline (or --remove it)."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.home.demo import load_demo, remove_demo

    owner = resolve_user(user)
    if remove:
        count = remove_demo(owner)
        console.print(f"Removed the demo network ({count} people).")
        return
    try:
        count = load_demo(owner)
    except ValidationError as error:
        fail(
            " ".join(error.messages) + " Remove it first with `warmline demo --remove`."
        )
    console.print(
        styled(
            f"Loaded the demo network: {count} people for ",
            (owner.username, "bold"),
            ".",
        )
    )
