"""`warmline calls …`: call lists and logging calls."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    find_person,
    follow_up_as_dict,
    parse_when,
    print_json,
    resolve_user,
    setup_django,
)

calls_app = typer.Typer(help="Call lists and logging calls.", no_args_is_help=True)


class ChannelName(StrEnum):
    phone = "phone"
    email = "email"
    linkedin = "linkedin"
    text = "text"
    in_person = "in-person"


class Outcome(StrEnum):
    no_answer = "no-answer"
    voicemail = "voicemail"
    scheduled = "scheduled"
    declined = "declined"
    call_back = "call-back"
    bounced = "bounced"
    replied = "replied"


@calls_app.command("lists")
def call_lists(as_json: JsonOption = False, user: UserOption = None) -> None:
    """Your call lists and how many people are left to call on each."""
    setup_django()
    from warmline.outreach.queries import lists_for

    rows = [
        {
            "id": c.pk,
            "name": c.name,
            "purpose": c.purpose,
            "people": c.total,  # type: ignore[attr-defined]
            "to_call": c.to_call,  # type: ignore[attr-defined]
        }
        for c in lists_for(resolve_user(user))
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} call lists", title_justify="left")
    for column in ("ID", "Name", "To call", "People"):
        table.add_column(column)
    for r in rows:
        table.add_row(str(r["id"]), r["name"], str(r["to_call"]), str(r["people"]))
    console.print(table)


@calls_app.command("log")
def log_call(
    person: Annotated[str, typer.Argument(metavar="PERSON", help="A name or an id.")],
    outcome: Annotated[Outcome, typer.Option(help="What happened.")],
    channel: Annotated[ChannelName, typer.Option(help="How.")] = ChannelName.phone,
    at: Annotated[
        str | None,
        typer.Option(
            help="When, if not now (2026-11-20 09:30); follow-ups are counted from it."
        ),
    ] = None,
    notes: Annotated[str, typer.Option(help="What was said.")] = "",
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Log an attempt to reach someone; no answer starts the 3B7 follow-ups."""
    setup_django()
    from django.utils import timezone

    from warmline.core.dates import day
    from warmline.outreach.services import log_attempt

    owner = resolve_user(user)
    who = find_person(owner, person)
    attempt = log_attempt(
        who,
        outcome.value.replace("-", "_"),
        channel=channel.value.replace("-", "_"),
        at=parse_when(at) if at else None,
        notes=notes,
    )
    pending = list(who.follow_ups.filter(status="open").order_by("due"))
    data = {
        "id": attempt.pk,
        "person": who.name,
        "at": timezone.localtime(attempt.at).isoformat(),
        "channel": channel.value,
        "outcome": outcome.value,
        "follow_ups": [follow_up_as_dict(f) for f in pending],
    }
    if as_json:
        print_json(data)
        return
    console.print(f"Logged: {attempt}.")
    for f in pending:
        console.print(f"  follow-up: {f.title}, due {day(f.due)}")
