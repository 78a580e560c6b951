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
from warmline.core.words import counted


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
    """Add a user. Only a lone first user may go without a password (local mode on
    127.0.0.1); with more than one account, everyone signs in with one."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.accounts.services import create_user

    password = _read_password(password_stdin) if password_stdin else None
    try:
        user = create_user(
            username, email=email, password=password, superuser=superuser
        )
    except ValidationError as error:
        hint = ""
        code = getattr(error, "code", None)  # a list of errors has none
        if code == "owner_needs_password" and error.params:
            name = error.params["username"]
            hint = (
                f" Give {name} one first: "
                f"`warmline changepassword {name} --password-stdin`."
            )
        elif code == "new_user_needs_password":
            hint = " Pass --password-stdin."
        fail(" ".join(error.messages) + hint)
    kind = "superuser" if user.is_superuser else "user"
    console.print(styled(f"Created {kind} ", (user.username, "bold"), "."))


def _read_password(from_stdin: bool) -> str:
    """The password from standard input's first line, or typed twice at a prompt."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("--password-stdin was given but standard input held no password.")
        return password
    if not sys.stdin.isatty():
        fail("No terminal to type a password in: pass it with --password-stdin.")
    return str(typer.prompt("New password", hide_input=True, confirmation_prompt=True))


def changepassword(
    username: Annotated[str, typer.Argument(help="Whose password to set.")],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from standard input."),
    ] = False,
) -> None:
    """Set a user's password (the local owner's too, before adding a second user or
    serving beyond this machine). Without --password-stdin, asks for it twice."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.accounts.services import set_password

    user = resolve_user(username)
    password = _read_password(password_stdin)
    try:
        set_password(user, password)
    except ValidationError as error:
        fail(" ".join(error.messages))
    console.print(styled("Set the password of ", (user.username, "bold"), "."))


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
        console.print(
            f"Removed the demo network ({counted(count, 'person', 'people')})."
        )
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
