"""`warmline followups`: what is due; mark one done, snooze or reopen it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    fetch,
    follow_up_as_dict,
    print_json,
    resolve_user,
    setup_django,
)
from warmline.core.words import counted

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.outreach.models import FollowUp


followups_app = typer.Typer(
    help="Your follow-ups; `done`, `snooze` or `reopen` one by its id.",
    invoke_without_command=True,
)


@followups_app.callback()
def followups(
    ctx: typer.Context,
    due: Annotated[
        bool, typer.Option("--due", help="Only those due today or overdue.")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Done and cancelled too.")
    ] = False,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Your follow-ups: open ones by default, soonest first."""
    if ctx.invoked_subcommand:
        return
    setup_django()
    from django.utils import timezone

    from warmline.outreach.models import FollowUp
    from warmline.outreach.queries import pending_follow_ups

    owner = resolve_user(user)
    items = FollowUp.objects.filter(owner=owner)
    if not show_all:
        items = pending_follow_ups(owner)
    items = items.select_related("person")
    if due:
        items = items.filter(due__lte=timezone.localdate())
    ordered = list(items.order_by("due", "id"))
    rows = [follow_up_as_dict(f) for f in ordered]
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(len(rows), "follow-up"), title_justify="left")
    for column in ("ID", "Due", "Follow-up", "Status"):
        table.add_column(column)
    from warmline.core.dates import day

    for f in ordered:
        table.add_row(str(f.pk), day(f.due), f.title, f.get_status_display())
    console.print(table)


IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="From `warmline followups`.")
]


def _follow_up(owner: User, pk: int) -> FollowUp:
    from warmline.outreach.access import get_follow_up_for_user

    missing = f"No follow-up {pk} among yours: `warmline followups --all` lists them."
    return fetch(get_follow_up_for_user, owner, pk, missing)


def _act(pk: int, user: str | None, act: Callable[[FollowUp], str]) -> None:
    setup_django()
    from django.core.exceptions import ValidationError

    follow_up = _follow_up(resolve_user(user), pk)
    try:
        console.print(act(follow_up))
    except ValidationError as error:
        fail(" ".join(error.messages))


@followups_app.command("done")
def done(pk: IdArgument, user: UserOption = None) -> None:
    """Mark a follow-up done."""

    def act(follow_up: FollowUp) -> str:
        from warmline.outreach.services import complete_follow_up

        complete_follow_up(follow_up)
        return f"Done: {follow_up.title}."

    _act(pk, user, act)


@followups_app.command("snooze")
def snooze(
    pk: IdArgument,
    days: Annotated[int, typer.Option(help="How many days to put it off (1-365).")] = 1,
    user: UserOption = None,
) -> None:
    """Put a follow-up off by some days (from its due day, or today if overdue)."""

    def act(follow_up: FollowUp) -> str:
        from warmline.core.dates import day
        from warmline.outreach.services import snooze_follow_up

        until = snooze_follow_up(follow_up, days)
        return f"Snoozed until {day(until)}: {follow_up.title}."

    _act(pk, user, act)


@followups_app.command("reopen")
def reopen(pk: IdArgument, user: UserOption = None) -> None:
    """Open a follow-up marked done again."""

    def act(follow_up: FollowUp) -> str:
        from warmline.outreach.services import reopen_follow_up

        reopen_follow_up(follow_up)
        return f"Open again: {follow_up.title}."

    _act(pk, user, act)
