"""`warmline share …`: let a coach or partner follow your search, and see who does."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    fail,
    print_json,
    resolve_user,
    setup_django,
)

share_app = typer.Typer(
    help="Share your search with a coach or partner (read-only, revocable).",
    no_args_is_help=True,
)


@share_app.command("invite")
def invite(
    role: Annotated[
        str,
        typer.Option(
            "--role", help="coach (reads all but what is private) or partner."
        ),
    ] = "coach",
    user: UserOption = None,
) -> None:
    """Print a one-time invitation code and link, valid for 7 days."""
    setup_django()
    from django.conf import settings
    from django.urls import reverse

    from warmline.accounts import sharing

    owner = resolve_user(user)
    try:
        invitation, code = sharing.invite(owner, role.strip().lower())
    except sharing.SharingError as error:
        fail(str(error))
    link = settings.BASE_URL + reverse("coaching:accept", args=[code])
    console.print(
        f"Invitation for your {invitation.get_role_display().lower()}, valid "
        f"for {sharing.INVITATION_DAYS} days; it works once."
    )
    console.print(f"Code: {code}")
    console.print(f"Link: {link}")


@share_app.command("accept")
def accept(
    code: Annotated[str, typer.Argument(help="The code from the invitation.")],
    user: UserOption = None,
) -> None:
    """Accept an invitation: follow that seeker's search as your own account."""
    setup_django()
    from warmline.accounts import sharing

    viewer = resolve_user(user)
    try:
        share = sharing.accept(viewer, code)
    except sharing.SharingError as error:
        fail(f"{error} Nothing was changed.")
    name = sharing.display_name(share.owner)
    console.print(
        f"You now follow {name}'s search as {share.get_role_display().lower()}."
    )


@share_app.command("revoke")
def revoke(
    name: Annotated[str, typer.Argument(help="Their username (or full name).")],
    user: UserOption = None,
) -> None:
    """Stop sharing with someone; they lose access on their next request."""
    setup_django()
    from warmline.accounts import sharing

    owner = resolve_user(user)
    try:
        share = sharing.viewer_named(owner, name)
    except sharing.SharingError as error:
        fail(str(error))
    sharing.revoke(share)
    console.print(f"{sharing.display_name(share.viewer)} no longer sees your search.")


@share_app.command("list")
def list_shares(as_json: JsonOption = False, user: UserOption = None) -> None:
    """Who follows your search, and whose searches you follow."""
    setup_django()
    from warmline.accounts import sharing

    rows = sharing.shares_of(resolve_user(user))
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print(
            "Nobody follows your search, and you follow nobody's. "
            "`warmline share invite` makes an invitation."
        )
        return
    table = Table()
    for column in ("Who", "Name", "Role", "Direction"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["user"], row["name"], row["role"], row["direction"])
    console.print(table)
