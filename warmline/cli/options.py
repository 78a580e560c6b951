"""Options shared by several commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

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
