"""docs/api.md's curl examples, run in order with curl against a live server: each
must succeed, so the documentation cannot drift from the API."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from warmline.accounts.tests.factories import UserFactory
from warmline.api.services import create_token

DOC = Path(__file__).resolve().parents[3] / "docs" / "api.md"
BLOCK = re.compile(r"```bash\n(.*?)```", re.S)


def examples() -> list[str]:
    """Every command of the doc's bash blocks, continuation lines joined."""
    commands = []
    for block in BLOCK.findall(DOC.read_text()):
        commands += [c.strip() for c in block.replace("\\\n", " ").splitlines()]
    return [c for c in commands if c]


def test_every_resource_has_an_example() -> None:
    text = " ".join(examples())
    for resource in (
        "people",
        "people/from-profile",
        "organizations",
        "targets",
        "introductions",
        "tags",
        "meetings",
        "outcome",
        "attempts",
        "follow-ups",
        "call-lists",
        "report",
        "journal",
        "sharing",
        "sharing/invitations",
    ):
        assert f"/api/v1/{resource}" in text or f"/{resource}" in text, resource


@pytest.mark.skipif(not shutil.which("curl"), reason="needs curl")
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_the_curl_examples_work(live_server) -> None:
    user = UserFactory.create(username="dana")
    env = {
        **os.environ,
        "WARMLINE": live_server.url,
        "TOKEN": create_token(user, "docs", "write"),
    }
    ran = 0
    for command in examples():
        assert command.startswith("curl "), command
        result = subprocess.run(
            ["bash", "-c", command + " -w '\\n%{http_code}'"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        body, _, status = result.stdout.rpartition("\n")
        assert result.returncode == 0, (command, result.stderr)
        assert status.startswith("2"), (command, status, body)
        ran += 1
    assert ran >= 20
