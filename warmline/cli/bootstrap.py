"""Start Django for the commands that touch the database; find who they act for."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from warmline.accounts.models import User

err_console = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """Stop with a message for the user on stderr and exit status 1 (no traceback);
    the caller has changed nothing."""
    # A Text, not markup: a name the user typed may hold [brackets].
    line = Text.assemble(("Error: ", "bold red"), message)
    err_console.print(line, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def setup_django(*, migrate: bool = True) -> None:
    """Configure Django once; bring the database schema up to date if it is behind."""
    import django
    from django.apps import apps

    from warmline.config.home import prepare_home

    if not apps.ready:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warmline.config.settings")
        prepare_home()
        django.setup()
    if migrate:
        migrate_if_needed()


def migrate_if_needed(verbose: bool = False) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        if verbose:
            err_console.print("[dim]Updating the database…[/dim]")
        call_command("migrate", verbosity=0, interactive=False)


def resolve_user(username: str | None) -> User:
    """The user a command acts for: --user, else the only (or first-run) user."""
    from warmline.accounts.models import User
    from warmline.accounts.services import ensure_local_owner

    if username:
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            names = ", ".join(User.objects.values_list("username", flat=True)) or "none"
            fail(f"No user named {username!r}. Users: {names}.")
        return user
    only = ensure_local_owner()
    if only is None:
        names = ", ".join(
            User.objects.order_by("username").values_list("username", flat=True)
        )
        fail(f"More than one user exists; say which with --user USERNAME ({names}).")
    return only
