"""`warmline journal …`: write entries, list them, print the feed's address."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    parse_day,
    print_json,
    resolve_user,
    setup_django,
)
from warmline.core.words import counted

journal_app = typer.Typer(
    help="Your journal: what you learned, and its feed for those who follow you.",
    no_args_is_help=True,
)


def _body(source: str | None) -> str:
    """The entry's Markdown: from a file, from stdin ("-"), or none."""
    if source is None:
        return ""
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"Cannot read {source}: {getattr(error, 'strerror', None) or error}.")


@journal_app.command("add")
def add(
    title: Annotated[str, typer.Argument(help="The entry's title.")],
    body_file: Annotated[
        str | None,
        typer.Option(
            "--body-file",
            metavar="FILE|-",
            help="Markdown from a file, or - for stdin.",
        ),
    ] = None,
    shared: Annotated[
        bool, typer.Option("--shared", help="Share it: it goes into your feed.")
    ] = False,
    day: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Its day; default today.")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="A tag (repeat for more).")
    ] = None,
    user: UserOption = None,
) -> None:
    """Write a journal entry (private unless --shared)."""
    body = _body(body_file)
    setup_django()
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from warmline.journal.services import add_entry

    owner = resolve_user(user)
    on = parse_day(day) if day else timezone.localdate()
    try:
        entry = add_entry(
            owner, title, on, body=body, is_shared=shared, tags=list(tag or [])
        )
    except ValidationError as error:
        fail(" ".join(error.messages))
    said = "shared" if entry.is_shared else "private"
    console.print(f"Added entry {entry.pk}: {entry.title} ({said}, {entry.day}).")


@journal_app.command("list")
def list_entries(as_json: JsonOption = False, user: UserOption = None) -> None:
    """List your journal, newest day first."""
    setup_django()
    from warmline.journal.queries import entries_for, entry_as_dict, with_links

    rows = [entry_as_dict(e) for e in with_links(entries_for(resolve_user(user)))]
    if as_json:
        print_json(rows)
        return
    table = Table(title=counted(len(rows), "entry", "entries"), title_justify="left")
    for column in ("ID", "Day", "Title", "Shared", "Tags"):
        table.add_column(column)
    for r in rows:
        shared = "shared" if r["shared"] else "private"
        table.add_row(str(r["id"]), r["day"], r["title"], shared, ", ".join(r["tags"]))
    console.print(table)


@journal_app.command("feed")
def feed(user: UserOption = None) -> None:
    """Print your journal's feed address (shared entries; WARMLINE_BASE_URL says
    where the server is reached)."""
    setup_django()
    from django.conf import settings
    from django.urls import reverse

    owner = resolve_user(user)
    typer.echo(settings.BASE_URL + reverse("journal:feed", args=[owner.journal_token]))
