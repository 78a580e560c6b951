"""Running `warmline` in-process for tests, as a user would type it."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone
from typer.testing import CliRunner

from warmline.cli import app

_runner = CliRunner()


def cli(*args: str, input: str | None = None) -> tuple[int, str]:
    """Exit status and everything printed. A command makes its user's time zone
    current, as for the rest of its process; here the process goes on, so undo it."""
    try:
        result = _runner.invoke(app, list(args), input=input)
    finally:
        timezone.deactivate()
    return result.exit_code, result.output


def cli_json(*args: str) -> Any:
    """The parsed output of a command run with --json; it must succeed."""
    code, output = cli(*args, "--json")
    assert code == 0, output
    return json.loads(output)
