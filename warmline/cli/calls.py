"""`warmline calls …`: call lists and logging calls."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    find_person,
    follow_up_as_dict,
    meeting_as_dict,
    parse_day,
    parse_when,
    print_json,
    resolve_user,
    setup_django,
    styled,
)
from warmline.cli.meetings import Mode
from warmline.core.words import counted

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.outreach.models import CallList

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


lists_app = typer.Typer(
    help="Your call lists; `create` one from filters, `show` one.",
    invoke_without_command=True,
)
calls_app.add_typer(lists_app, name="lists")


class Preset(StrEnum):
    referrals = "referrals"
    fans = "fans"
    losing_touch = "losing-touch"


@lists_app.callback()
def call_lists(
    ctx: typer.Context, as_json: JsonOption = False, user: UserOption = None
) -> None:
    """Your call lists and how many people are left to call on each."""
    if ctx.invoked_subcommand:
        return
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
    table = Table(title=counted(len(rows), "call list"), title_justify="left")
    for column in ("ID", "Name", "To call", "People"):
        table.add_column(column)
    for r in rows:
        table.add_row(str(r["id"]), r["name"], str(r["to_call"]), str(r["people"]))
    console.print(table)


@lists_app.command("create")
def create_list(
    name: Annotated[str, typer.Argument(help="The list's name.")],
    purpose: Annotated[str, typer.Option(help="What the calls are for.")] = "",
    preset: Annotated[
        Preset | None, typer.Option(help="Fill it with one of these groups.")
    ] = None,
    tag: Annotated[str, typer.Option(help="People with this tag.")] = "",
    organization: Annotated[
        str, typer.Option(help="People at this organization.")
    ] = "",
    degree: Annotated[
        int | None,
        typer.Option(min=1, max=4, help="People of this degree (4: 4 or more)."),
    ] = None,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Make a call list, filled with the people the filters pick (as on the web)."""
    setup_django()
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from warmline.outreach.queries import LIST_FILL_LIMIT, people_to_list
    from warmline.outreach.services import add_to_list, create_call_list

    owner = resolve_user(user)
    people = list(
        people_to_list(
            owner,
            preset=preset.value.replace("-", "_") if preset else "",
            tag=tag,
            degree=str(degree or ""),
            organization=organization,
        )[:LIST_FILL_LIMIT]
    )
    if (preset or tag or organization or degree) and not people:
        fail("No one matches those filters: nothing was created.")
    try:
        with transaction.atomic():
            call_list = create_call_list(owner, name, purpose)
            add_to_list(call_list, people)
    except ValidationError as error:
        fail(" ".join(error.messages))
    _print_list(call_list, as_json)


@lists_app.command("show")
def show_list(
    ref: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="A name or an id.")],
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Who is on a call list, in calling order, and who is done."""
    setup_django()
    _print_list(_find_list(resolve_user(user), ref), as_json)


def _find_list(owner: User, ref: str) -> CallList:
    from warmline.outreach.models import CallList

    lists = CallList.objects.filter(owner=owner)
    found = (
        lists.filter(pk=int(ref)) if ref.isdigit() else lists.filter(name__iexact=ref)
    ).first()
    if found is None:
        names = ", ".join(lists.values_list("name", flat=True)) or "none yet"
        fail(f"No call list {ref!r}. Your lists: {names}.")
    return found


def _print_list(call_list: CallList, as_json: bool) -> None:
    from warmline.outreach.queries import entries_in_order

    entries = [
        {
            "person_id": e.person_id,
            "name": e.person.name,
            "organization": e.person.organization.name
            if e.person.organization
            else None,
            "done": e.done_at is not None,
        }
        for e in entries_in_order(call_list)
    ]
    data = {
        "id": call_list.pk,
        "name": call_list.name,
        "purpose": call_list.purpose,
        "entries": entries,
    }
    if as_json:
        print_json(data)
        return
    left = sum(not e["done"] for e in entries)
    console.print(
        styled((call_list.name, "bold"), f" (id {call_list.pk}): {left} to call")
    )
    for n, e in enumerate(entries, 1):
        where = f", {e['organization']}" if e["organization"] else ""
        console.print(f"  {n}. {'✓ ' if e['done'] else ''}{e['name']}{where}")


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
    meeting_at: Annotated[
        str | None,
        typer.Option(
            help="With --outcome scheduled: when you meet (2026-12-01 10:30)."
        ),
    ] = None,
    mode: Annotated[
        Mode, typer.Option(help="With --meeting-at: how you meet.")
    ] = Mode.face_to_face,
    call_back_on: Annotated[
        str | None,
        typer.Option(
            help="With --outcome call-back: the day to call back (2026-12-02); "
            "the next business day if not given.",
        ),
    ] = None,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Log an attempt to reach someone; no answer starts the 3B7 follow-ups,
    "scheduled" books the meeting (--meeting-at) and "call back" sets a follow-up
    (--call-back-on)."""
    scheduled = outcome == Outcome.scheduled
    if scheduled and not meeting_at:
        fail(
            "--outcome scheduled books a meeting: say when with "
            "--meeting-at '2026-12-01 10:30'."
        )
    if meeting_at and not scheduled:
        fail("--meeting-at goes with --outcome scheduled.")
    if call_back_on and outcome != Outcome.call_back:
        fail("--call-back-on goes with --outcome call-back.")
    setup_django()
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from warmline.core.dates import day, moment
    from warmline.meetings.services import book_from_call
    from warmline.outreach.services import log_attempt

    owner = resolve_user(user)
    who = find_person(owner, person)
    try:
        if scheduled and meeting_at:
            meeting = book_from_call(
                who,
                parse_when(meeting_at),
                channel=channel.value.replace("-", "_"),
                notes=notes,
                called_at=parse_when(at) if at else None,
                mode=mode.value.replace("-", "_"),
            )
            attempt = meeting.attempts.get()
        else:
            attempt = log_attempt(
                who,
                outcome.value.replace("-", "_"),
                channel=channel.value.replace("-", "_"),
                at=parse_when(at) if at else None,
                notes=notes,
                call_back_on=parse_day(call_back_on) if call_back_on else None,
            )
    except ValidationError as error:
        fail(" ".join(error.messages) + " Nothing was logged.")
    pending = list(who.follow_ups.filter(status="open").order_by("due"))
    data = {
        "id": attempt.pk,
        "person": who.name,
        "at": timezone.localtime(attempt.at).isoformat(),
        "channel": channel.value,
        "outcome": outcome.value,
        "follow_ups": [follow_up_as_dict(f) for f in pending],
        "meeting": meeting_as_dict(attempt.meeting) if attempt.meeting else None,
    }
    if as_json:
        print_json(data)
        return
    console.print(f"Logged: {attempt}.")
    if (booked := attempt.meeting) is not None:
        console.print(f"  booked: {booked.get_kind_display()} {moment(booked.at)}")
    for f in pending:
        console.print(f"  follow-up: {f.title}, due {day(f.due)}")
