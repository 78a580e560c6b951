"""`warmline meetings …`: list, plan and log network meetings from the terminal."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    fetch,
    find_person,
    meeting_as_dict,
    parse_when,
    print_json,
    resolve_user,
    setup_django,
    styled,
)
from warmline.core.parsing import whole_number
from warmline.core.words import counted

if TYPE_CHECKING:
    pass


app = typer.Typer(
    help="Network meetings: plan them and log what came of them.", no_args_is_help=True
)


class Mode(StrEnum):
    face_to_face = "face-to-face"
    phone = "phone"
    video = "video"


class Kind(StrEnum):
    network = "network"
    coffee = "coffee"
    event = "event"
    interview = "interview"


@app.command("list")
def list_meetings(as_json: JsonOption = False, user: UserOption = None) -> None:
    """List meetings, latest first."""
    setup_django()
    from warmline.core.dates import moment
    from warmline.meetings.queries import meetings_for

    meetings = list(meetings_for(resolve_user(user)))
    rows = [meeting_as_dict(m) for m in meetings]
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(len(rows), "meeting"), title_justify="left")
    when = {m.pk: moment(m.at) for m in meetings}
    for column in ("ID", "When", "With", "Kind", "Mode", "Status", "Pure"):
        table.add_column(column)
    for r in rows:
        pure = "yes" if r["pure"] else ""
        table.add_row(
            str(r["id"]),
            when[r["id"]],
            r["person"],
            r["kind"],
            r["mode"],
            r["status"],
            pure,
        )
    console.print(table)


@app.command("add")
def add_meeting(
    person: Annotated[str, typer.Argument(metavar="PERSON", help="A name or an id.")],
    at: Annotated[str, typer.Option("--at", help="When: 2026-12-01 14:30.")],
    mode: Annotated[Mode, typer.Option(help="How you meet.")] = Mode.face_to_face,
    kind: Annotated[Kind, typer.Option(help="What kind of meeting.")] = Kind.network,
    not_pure: Annotated[
        bool, typer.Option("--not-pure", help="You knew of an open position there.")
    ] = False,
    duration: Annotated[int, typer.Option(help="Minutes.")] = 30,
    place: Annotated[str, typer.Option(help="Place or link.")] = "",
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Plan a meeting with someone in your network."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.meetings.services import create_meeting

    owner = resolve_user(user)
    fields: dict[str, Any] = {
        "mode": mode.value.replace("-", "_"),
        "kind": kind.value,
        "duration_minutes": duration,
        "place": place,
    }
    if not_pure:
        fields["is_pure"] = False
    try:
        meeting = create_meeting(find_person(owner, person), parse_when(at), **fields)
    except ValidationError as error:
        fail(" ".join(error.messages))
    if as_json:
        print_json(meeting_as_dict(meeting))
    else:
        console.print(f"Planned meeting {meeting.pk}: {meeting}.")


REFERRAL_HELP = (
    'A name given: "Name[, Organization]", or "#ID" for someone already in your '
    "network (repeat for more)."
)


def parse_referral(text: str, force_new: bool) -> Any:
    from warmline.meetings.outcomes import Referral

    if text.strip().startswith("#") and whole_number(text.strip()[1:]) is not None:
        return Referral(name="", match=text.strip()[1:])
    name, _, organization = text.partition(",")
    if not name.strip():
        fail(f"--referral {text!r} has no name.")
    return Referral(
        name=name.strip(),
        organization=organization.strip(),
        match="new" if force_new else "",
    )


def parse_lead(text: str) -> Any:
    from warmline.meetings.outcomes import LeadMention

    role, _, organization = text.rpartition(" @ ") if " @ " in text else (text, "", "")
    return LeadMention(role=role.strip(), organization=organization.strip())


def outcome_problems(error: Any, referrals: list[Any]) -> list[str]:
    """What OutcomeError says, in words for the terminal."""
    problems = list(error.general)
    for index, message in error.referrals.items():
        problems.append(
            f"{referrals[index].name or '#' + referrals[index].match}: {message}"
        )
    for index, people in error.candidates.items():
        listed = "; ".join(
            f"#{p.pk} {p.name}" + (f" ({p.organization})" if p.organization else "")
            for p in people
        )
        problems.append(
            f"{referrals[index].name} may already be in your network: {listed}. "
            'Use --referral "#ID" to link them, or --new-referrals.'
        )
    return problems


@app.command("log")
def log_meeting(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")],
    notes: Annotated[str, typer.Option(help="What you talked about.")] = "",
    feedback: Annotated[str, typer.Option(help="Feedback on your resume.")] = "",
    referral: Annotated[list[str] | None, typer.Option(help=REFERRAL_HELP)] = None,
    path: Annotated[
        list[str] | None,
        typer.Option(help="A career path suggested (repeat for more)."),
    ] = None,
    lead: Annotated[
        list[str] | None,
        typer.Option(help='A job lead: "Role @ Organization" (repeat for more).'),
    ] = None,
    felt: Annotated[
        int | None, typer.Option(min=1, max=5, help="How it felt, 1-5.")
    ] = None,
    fan: Annotated[
        bool | None,
        typer.Option("--fan/--no-fan", help="Mark or unmark them as a fan."),
    ] = None,
    new_referrals: Annotated[
        bool,
        typer.Option("--new-referrals", help="Add names as new people even if alike."),
    ] = False,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Log what a meeting gave; it is marked held and a thank-you follow-up added."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.core.dates import day
    from warmline.meetings.access import get_meeting_for_user
    from warmline.meetings.outcomes import (
        OutcomeData,
        OutcomeError,
        PathSuggestion,
        log_outcome,
    )

    owner = resolve_user(user)
    missing = f"No meeting with id {meeting_id}."
    meeting = fetch(get_meeting_for_user, owner, meeting_id, missing)
    referrals = [parse_referral(r, new_referrals) for r in referral or []]
    data = OutcomeData(
        notes=notes,
        resume_feedback=feedback,
        felt=felt,
        is_fan=fan,
        referrals=referrals,
        paths=[PathSuggestion(title=p) for p in path or []],
        leads=[parse_lead(item) for item in lead or []],
    )
    try:
        logged = log_outcome(meeting, data)
    except OutcomeError as error:
        fail(" ".join(outcome_problems(error, referrals)) + " Nothing was saved.")
    except ValidationError as error:
        fail(" ".join(error.messages) + " Nothing was saved.")
    result = {
        "meeting": meeting_as_dict(meeting),
        "new_people": [p.name for p in logged.new_people],
        "linked_people": [p.name for p in logged.linked_people],
        "follow_ups": [
            {"title": f.title, "due": f.due.isoformat()} for f in logged.follow_ups
        ],
    }
    if as_json:
        print_json(result)
        return
    console.print(
        styled(f"Logged meeting {meeting.pk} with ", (meeting.person.name, "bold"), ".")
    )
    for person in [*logged.new_people, *logged.linked_people]:
        console.print(f"  + {person.name} (introduced by {meeting.person.name})")
    for follow_up in logged.follow_ups:
        console.print(f"  follow-up: {follow_up.title}, due {day(follow_up.due)}")
