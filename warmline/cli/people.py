"""`warmline people …`: list, add, show, edit and remove people from the terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    find_person,
    print_json,
    resolve_user,
    setup_django,
    styled,
)
from warmline.core.words import counted

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.people.models import Person


app = typer.Typer(help="The people in your network.", no_args_is_help=True)

OrgOption = Annotated[
    str | None, typer.Option("--org", help="Organization they work at.")
]
TitleOption = Annotated[str | None, typer.Option("--title", help="Job title.")]
EmailOption = Annotated[
    list[str] | None, typer.Option("--email", help="Email address (repeat for more).")
]
PhoneOption = Annotated[
    list[str] | None, typer.Option("--phone", help="Phone number (repeat for more).")
]
TagOption = Annotated[
    list[str] | None, typer.Option("--tag", help="Tag (repeat for more).")
]
LocationOption = Annotated[
    str | None, typer.Option("--location", help="Where they live.")
]
NotesOption = Annotated[str | None, typer.Option("--notes", help="Free-form notes.")]
IntroducedByOption = Annotated[
    str | None,
    typer.Option(
        "--introduced-by",
        metavar="NAME_OR_ID",
        help="Who introduced them (a name or id of someone already in your network).",
    ),
]


def _introducer(owner: User, ref: str | None) -> Person | None:
    return find_person(owner, ref) if ref else None


def _fields(**options: Any) -> dict[str, Any]:
    """Only the options the user gave, renamed to the service's field names."""
    names = {"org": "organization", "email": "emails", "phone": "phones", "tag": "tags"}
    return {names.get(k, k): v for k, v in options.items() if v is not None}


def _show_validation_error(error: Exception) -> None:
    fail(" ".join(getattr(error, "messages", [str(error)])))


@app.command("list")
def list_people(
    search: Annotated[
        str,
        typer.Option(
            "--search", "-s", help="Match name, organization, title or email."
        ),
    ] = "",
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """List the people in your network."""
    setup_django()
    from warmline.people.queries import PeopleFilter, people_as_dicts, search_people

    owner = resolve_user(user)
    rows = people_as_dicts(search_people(owner, PeopleFilter(q=search)))
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(len(rows), "person", "people"), title_justify="left")
    for column in ("ID", "Name", "Organization", "Title", "Degree", "Introduced by"):
        table.add_column(column, overflow="fold")
    for row in rows:
        degree = str(row["degree"]) if row["degree"] else "—"
        table.add_row(
            str(row["id"]),
            row["name"],
            row["organization"] or "",
            row["title"],
            degree,
            row["introduced_by"] or "",
        )
    console.print(table)


@app.command("add")
def add_person(
    name: Annotated[str, typer.Argument(help="Their full name.")],
    org: OrgOption = None,
    title: TitleOption = None,
    email: EmailOption = None,
    phone: PhoneOption = None,
    tag: TagOption = None,
    location: LocationOption = None,
    notes: NotesOption = None,
    main: Annotated[
        bool, typer.Option("--main", help="You know them directly (main contact).")
    ] = False,
    introduced_by: IntroducedByOption = None,
    new: Annotated[
        bool,
        typer.Option(
            "--new",
            help="Add them even if the name is like someone's already there.",
        ),
    ] = False,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Add a person: --main if you know them, --introduced-by for a referral. A name
    or email already in your network is refused with who it may be, unless --new."""
    setup_django()
    from django.core.exceptions import ValidationError

    from warmline.people import services
    from warmline.people.models import Source
    from warmline.people.queries import person_as_dict

    owner = resolve_user(user)
    introducer = _introducer(owner, introduced_by)
    fields = _fields(
        org=org,
        title=title,
        email=email,
        phone=phone,
        tag=tag,
        location=location,
        notes=notes,
    )
    try:
        person = services.add_person_by_hand(
            owner,
            name,
            new=new,
            is_main_contact=main,
            introduced_by=introducer,
            source=Source.CLI,
            **fields,
        )
    except services.LikelyDuplicate as duplicate:
        fail(
            f"{duplicate.message} Nothing was added. If it is someone else, add them "
            "with --new; if it is one of them, use `warmline people edit ID`."
        )
    except ValidationError as error:
        _show_validation_error(error)
    if as_json:
        print_json(person_as_dict(person))
    else:
        console.print(f"Added {person.name} (id {person.pk}), {_degree_text(person)}.")


@app.command("show")
def show_person(
    ref: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="A name or an id.")],
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Show one person: details, degree and the chain of introductions to them."""
    setup_django()
    from warmline.people.queries import person_as_dict

    person = find_person(resolve_user(user), ref)
    data = person_as_dict(person)
    if as_json:
        print_json(data)
        return
    console.print(styled((data["name"], "bold"), f"  (id {data['id']})"))
    if data["title"] or data["organization"]:
        console.print(
            " at ".join(v for v in (data["title"], data["organization"]) if v)
        )
    chain = " → ".join(["Me", *data["chain"]]) if data["chain"] else "not connected yet"
    console.print(f"Degree: {data['degree'] or '—'}   Chain: {chain}", highlight=False)
    for label, values in (
        ("Emails", data["emails"]),
        ("Phones", data["phones"]),
        ("Tags", data["tags"]),
    ):
        if values:
            console.print(f"{label}: {', '.join(values)}", highlight=False)
    if data["notes"]:
        console.print(f"Notes: {data['notes']}", highlight=False)


@app.command("edit")
def edit_person(
    ref: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="A name or an id.")],
    name: Annotated[str | None, typer.Option("--name", help="Rename them.")] = None,
    org: OrgOption = None,
    title: TitleOption = None,
    email: EmailOption = None,
    phone: PhoneOption = None,
    tag: TagOption = None,
    location: LocationOption = None,
    notes: NotesOption = None,
    main: Annotated[
        bool | None,
        typer.Option("--main/--no-main", help="Mark or unmark as a main contact."),
    ] = None,
    introduced_by: Annotated[
        str | None,
        typer.Option(
            "--introduced-by",
            metavar="NAME_OR_ID",
            help="Make this person the only introducer; 'none' removes them all.",
        ),
    ] = None,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Change a person; options given replace what was there (--email: all emails)."""
    setup_django()
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from warmline.people import services
    from warmline.people.queries import person_as_dict

    owner = resolve_user(user)
    person = find_person(owner, ref)
    introducers = None
    if introduced_by is not None:
        introducers = (
            []
            if introduced_by.lower() == "none"
            else [find_person(owner, introduced_by)]
        )
    fields = _fields(
        name=name,
        org=org,
        title=title,
        email=email,
        phone=phone,
        tag=tag,
        location=location,
        notes=notes,
        is_main_contact=main,
    )
    try:
        with transaction.atomic():
            services.update_person(person, **fields)
            if introducers is not None:
                services.set_introducers(person, introducers)
    except ValidationError as error:
        _show_validation_error(error)
    person.refresh_from_db()
    if as_json:
        print_json(person_as_dict(person))
    else:
        console.print(f"Saved {person.name}, {_degree_text(person)}.")


@app.command("remove")
def remove_person(
    ref: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="A name or an id.")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")
    ] = False,
    user: UserOption = None,
) -> None:
    """Remove a person and their introductions; the people they introduced stay."""
    setup_django()
    from warmline.people import services

    person = find_person(resolve_user(user), ref)
    if not yes and sys.stdin.isatty():
        typer.confirm(f"Remove {person.name} (id {person.pk})?", abort=True)
    services.delete_person(person)
    console.print(f"Removed {person.name}.")


def _degree_text(person: Person) -> str:
    return f"degree {person.degree}" if person.degree else "not connected yet"
