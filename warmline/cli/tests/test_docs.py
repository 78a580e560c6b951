"""docs/cli.md is generated from --help; it must not drift from the commands."""

from __future__ import annotations

from pathlib import Path

from warmline.cli.docs import render

CLI_DOCS = Path(__file__).resolve().parents[3] / "docs" / "cli.md"


def test_cli_reference_matches_the_commands_help() -> None:
    assert CLI_DOCS.read_text() == render(), (
        "docs/cli.md is out of date: run `make docs`"
    )


def test_cli_reference_covers_every_command() -> None:
    text = CLI_DOCS.read_text()
    for command in [
        "serve",
        "demo",
        "createuser",
        "people list",
        "people add",
        "people show",
        "people edit",
        "people remove",
    ]:
        assert f"## `warmline {command}`" in text
