"""`warmline followups`: what is due, and what to do next."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    follow_up_as_dict,
    print_json,
    resolve_user,
    setup_django,
)


def followups(
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
    rows = [follow_up_as_dict(f) for f in items.order_by("due", "id")]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} follow-ups", title_justify="left")
    for column in ("ID", "Due", "Follow-up", "Status"):
        table.add_column(column)
    for r in rows:
        table.add_row(str(r["id"]), r["due"], r["title"], r["status"])
    console.print(table)
