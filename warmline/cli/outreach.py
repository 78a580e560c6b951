"""`warmline today`, `calls …`, `followups` and `export ics`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from warmline.cli.bootstrap import fail, resolve_user, setup_django
from warmline.cli.meetings import meeting_as_dict, parse_when
from warmline.cli.options import JsonOption, UserOption
from warmline.cli.people import find_person, print_json

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.home.queries import Today

calls_app = typer.Typer(help="Call lists and logging calls.", no_args_is_help=True)
export_app = typer.Typer(help="Take your data out.", no_args_is_help=True)
console = Console()


class Outcome(StrEnum):
    no_answer = "no-answer"
    voicemail = "voicemail"
    scheduled = "scheduled"
    declined = "declined"
    call_back = "call-back"
    bounced = "bounced"
    replied = "replied"


class ChannelName(StrEnum):
    phone = "phone"
    email = "email"
    linkedin = "linkedin"
    text = "text"
    in_person = "in-person"


def today(as_json: JsonOption = False, user: UserOption = None) -> None:
    """What to do now: follow-ups due, calls to make, meetings, and the week's goals."""
    setup_django()
    from warmline.home.queries import today_for

    owner = resolve_user(user)
    t = today_for(owner)
    if as_json:
        print_json(today_as_dict(owner, t))
        return
    console.print(f"[bold]Today[/bold], {t.today:%A %d %B}")
    for goal in t.goals:
        filled = round(20 * goal.percent / 100)
        bar = "█" * filled + "░" * (20 - filled)
        console.print(f"  {goal.label:<14} {bar} {goal.done}/{goal.target}")
    if t.streak_weeks >= 2:
        console.print(
            f"  [green]{t.streak_weeks} weeks in a row[/green] of calls and meetings."
        )
    sections: list[tuple[str, list[str]]] = [
        (
            "Meetings today",
            [
                f"{m.at:%H:%M} {m.get_kind_display()} with {m.person.name}"
                for m in t.meetings_today
            ],
        ),
        (
            "Follow-ups due",
            [
                f"{'[red]overdue[/red] ' if f.due < t.today else ''}{f.title}"
                f" ({f.due:%a %d %b})"
                for f in t.follow_ups
            ],
        ),
        (
            "Calls to make",
            [f"{lst.name}: {lst.to_call} to call" for lst in t.call_lists],  # type: ignore[attr-defined]
        ),
        (
            "Coming this week",
            [f"{m.at:%a %d %b %H:%M} {m.person.name}" for m in t.meetings_week],
        ),
        ("Losing touch", [p.name for p in t.losing_touch]),
    ]
    for title, lines in sections:
        if lines:
            console.print(f"\n[bold]{title}[/bold]")
            for line in lines:
                console.print(f"  • {line}")
    if t.is_empty:
        console.print(
            "\nNothing waiting. Build a call list: sit down with a list, not one call."
        )


def today_as_dict(owner: User, t: Today) -> dict[str, Any]:
    """`warmline today --json`: the week's numbers under the weekly report's keys,
    the goals by the number they aim at, and what to do now."""
    from warmline.insights.numbers import week_numbers
    from warmline.insights.report import week_name

    monday = t.today - dt.timedelta(days=t.today.weekday())
    week = week_numbers(owner, t.today)
    return {
        "today": t.today.isoformat(),
        "week": week_name(monday),
        "from": monday.isoformat(),
        "to": (monday + dt.timedelta(days=6)).isoformat(),
        **week.as_dict(),
        "goals": {goal.key: goal.target for goal in t.goals},
        "streak_weeks": t.streak_weeks,
        "meetings_today": [meeting_as_dict(m) for m in t.meetings_today],
        "follow_ups": [
            {**follow_up_as_dict(f), "overdue": f.due < t.today} for f in t.follow_ups
        ],
        "sittings": [{"id": lst.pk, "name": lst.name} for lst in t.sittings],
        "call_lists": [
            {"id": lst.pk, "name": lst.name, "to_call": lst.to_call}  # type: ignore[attr-defined]
            for lst in t.call_lists
        ],
        "meetings_week": [meeting_as_dict(m) for m in t.meetings_week],
        "losing_touch": [{"id": p.pk, "name": p.name} for p in t.losing_touch],
    }


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
        "at": attempt.at.isoformat(),
        "channel": channel.value,
        "outcome": outcome.value,
        "follow_ups": [follow_up_as_dict(f) for f in pending],
    }
    if as_json:
        print_json(data)
        return
    console.print(f"Logged: {attempt}.")
    for f in pending:
        console.print(f"  follow-up: {f.title}, due {f.due:%a %d %b}")


def follow_up_as_dict(f: Any) -> dict[str, Any]:
    return {
        "id": f.pk,
        "person": f.person.name,
        "kind": f.kind,
        "title": f.title,
        "due": f.due.isoformat(),
        "status": f.status,
    }


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

    owner = resolve_user(user)
    items = FollowUp.objects.filter(owner=owner).select_related("person")
    if not show_all:
        items = items.filter(status__in=[FollowUp.Status.OPEN, FollowUp.Status.SNOOZED])
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


@export_app.command("ics")
def export_ics(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file, not stdout."),
    ] = None,
    user: UserOption = None,
) -> None:
    """Meetings and follow-ups as an iCalendar file."""
    setup_django()
    from warmline.home.calendar import calendar_for

    body = calendar_for(resolve_user(user))
    if output is None:
        typer.echo(body.decode(), nl=False)
        return
    try:
        output.write_bytes(body)
    except OSError as error:
        fail(f"Cannot write {output}: {error.strerror}.")
    console.print(f"Wrote {output}.")
