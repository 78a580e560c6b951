"""What the commands share: starting Django, whom they act for, options, output."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from warmline.core.parsing import whole_number

T = TypeVar("T")

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.meetings.models import Meeting
    from warmline.people.models import Person


# Markup off: what users typed (a name with [brackets], a tag) prints as typed, never
# as styles or terminal links. The CLI's own styles are given as (text, style) pairs.
err_console = Console(stderr=True, markup=False)


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
            err_console.print("Updating the database…", style="dim")
        call_command("migrate", verbosity=0, interactive=False)


def resolve_user(username: str | None) -> User:
    """The user a command acts for (--user, else the only or first-run user), with
    their time zone made current: dates shown and `--at` typed are theirs."""
    from django.utils import timezone

    user = _find_user(username)
    timezone.activate(user.zone)
    return user


def _find_user(username: str | None) -> User:
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


UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        help="Act for this user; needed only when more than one user exists.",
        envvar="WARMLINE_USER",
    ),
]


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON instead of a table.")
]


console = Console(markup=False)


def styled(*parts: str | Text | tuple[str, str]) -> Text:
    """A line from plain text and (text, style) pairs, for console.print."""
    return Text.assemble(*parts)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def fetch(get: Callable[[User, int], T], owner: User, pk: int, missing: str) -> T:
    """A row through its app's ownership helper (accounts/access.py): `missing` if
    it is not the user's; what they may only read says so."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    try:
        return get(owner, pk)
    except Http404:
        fail(missing)
    except PermissionDenied as error:
        fail(f"{error} Nothing was changed.")


def find_person(owner: User, ref: str) -> Person:
    """A person by id or exact name (any case); unknown or ambiguous is an error."""
    from rapidfuzz import process

    from warmline.people.access import get_person_for_user
    from warmline.people.models import Person

    people = Person.objects.filter(owner=owner).select_related("organization")
    if (pk := whole_number(ref)) is not None:
        missing = f"No person with id {ref} in your network."
        return fetch(get_person_for_user, owner, pk, missing)
    matches = list(people.filter(name__iexact=ref.strip()))
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(
            f"#{p.pk} {p.name}" + (f" ({p.organization})" if p.organization else "")
            for p in matches
        )
        fail(f"{len(matches)} people are named {ref!r}: {listed}. Use the id instead.")
    names = list(people.values_list("name", flat=True))
    close = [
        name for name, score, _ in process.extract(ref, names, limit=3) if score >= 60
    ]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    fail(f"No person named {ref!r} in your network.{hint}")


def _checked(text: str, read: Callable[[str], Any], shape: str) -> Any:
    """`text` read by `read` (an ISO parser) and within the years Warmline accepts,
    or a one-line error saying how to write it."""
    from django.core.exceptions import ValidationError

    from warmline.core.ranges import check_date

    try:
        value = read(text.strip())
        check_date(value)
    except ValueError:
        fail(f"{text!r} is not {shape}.")
    except ValidationError as error:
        fail(" ".join(error.messages))
    return value


def parse_when(text: str) -> dt.datetime:
    """ISO date and time ("2026-12-01 14:30"), in the user's time zone."""
    from django.utils import timezone

    shape = "a date and time; write it like 2026-12-01 14:30"
    when: dt.datetime = _checked(text, dt.datetime.fromisoformat, shape)
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def parse_day(text: str) -> dt.date:
    """ISO date ("2026-12-01") within the years Warmline accepts."""
    day: dt.date = _checked(
        text, dt.date.fromisoformat, "a date; write it like 2026-12-01"
    )
    return day


def follow_up_as_dict(f: Any) -> dict[str, Any]:
    """A follow-up for --json output (outreach.queries states its shape)."""
    from warmline.outreach.queries import follow_up_as_dict as as_dict

    return dict(as_dict(f))


def meeting_as_dict(meeting: Meeting) -> dict[str, Any]:
    """A meeting for --json output (meetings.queries states its shape)."""
    from warmline.meetings.queries import meeting_as_dict as as_dict

    return dict(as_dict(meeting))
