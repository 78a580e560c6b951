"""Generate docs/cli.md from the commands' own --help (`make docs`)."""

from __future__ import annotations

from collections.abc import Iterator

import typer.main
import typer.rich_utils
from typer.testing import CliRunner

from warmline.cli import app

WIDTH = 100
HEADER = """# Command-line reference

Generated from `warmline … --help` by `make docs`; `warmline/cli/tests/test_docs.py`
fails when this file and the commands disagree.
"""


def command_paths() -> Iterator[list[str]]:
    """Every command and group, parents first, in the order they are declared."""

    def walk(command: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


def render() -> str:
    # A fixed width and no colour, so the text is the same on every machine.
    typer.rich_utils.MAX_WIDTH = WIDTH
    typer.rich_utils.FORCE_TERMINAL = False
    typer.rich_utils.COLOR_SYSTEM = None
    runner = CliRunner()
    sections = [HEADER]
    for path in command_paths():
        result = runner.invoke(app, [*path, "--help"], prog_name="warmline")
        lines = [line.rstrip() for line in result.output.splitlines()]
        text = "\n".join(lines).strip("\n")
        sections.append(
            f"## `{' '.join(['warmline', *path])}`\n\n```text\n{text}\n```\n"
        )
    return "\n".join(sections)


if __name__ == "__main__":
    print(render(), end="")
