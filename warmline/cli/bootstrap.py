"""Start Django for the commands that touch the database; find who they act for."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

from rich.console import Console
from typer._click.exceptions import ClickException

if TYPE_CHECKING:
    from warmline.accounts.models import User

err_console = Console(stderr=True)


# Typer (0.29, pinned) vendors click; its ClickException is the one error Typer prints
# as a clean message with exit status 1 instead of a traceback.
class CliError(ClickException):
    """A user-facing error: Typer prints it, the exit status is 1, nothing changed."""


def fail(message: str) -> NoReturn:
    raise CliError(message)


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
