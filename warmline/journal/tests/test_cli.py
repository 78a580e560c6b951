"""`warmline journal …`, as a user would type it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import override_settings

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.journal import services
from warmline.journal.models import JournalEntry
from warmline.people.models import Tag

pytestmark = pytest.mark.django_db


def test_add_an_entry_from_a_file(alice: User, tmp_path: Path) -> None:
    body = tmp_path / "entry.md"
    body.write_text("Sam said *ask for names*.\n", encoding="utf-8")
    code, output = cli(
        "journal", "add", "What Sam said", "--body-file", str(body),
        "--shared", "--day", "2026-11-20", "--tag", "lessons", "--tag", "ux",
    )  # fmt: skip
    assert code == 0, output
    entry = JournalEntry.objects.get()
    assert "Added entry" in output and "shared" in output
    assert (entry.title, entry.day, entry.is_shared) == (
        "What Sam said",
        dt.date(2026, 11, 20),
        True,
    )
    assert entry.body == "Sam said *ask for names*.\n"
    assert sorted(t.name for t in entry.tags.all()) == ["lessons", "ux"]


def test_add_an_entry_from_stdin_is_private_and_today(alice: User) -> None:
    code, output = cli("journal", "add", "Thoughts", "--body-file", "-", input="Hi")
    assert code == 0, output
    entry = JournalEntry.objects.get()
    assert entry.body == "Hi" and not entry.is_shared


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["T", "--day", "2026-13-01"], "is not a date"),
        (["T", "--day", "3026-01-01"], "between 1900 and 2100"),
        (["  ", "--tag", "new"], "Give the entry a title"),
        (["T", "--body-file", "/no/such/file"], "Cannot read /no/such/file"),
        (["T", "--user", "nobody"], "No user named 'nobody'"),
    ],
)
def test_bad_input_says_why_and_writes_nothing(
    alice: User, args: list[str], message: str
) -> None:
    code, output = cli("journal", "add", *args)
    assert code == 1
    assert message in output
    assert len(output.strip().splitlines()) == 1, output
    assert not JournalEntry.objects.exists() and not Tag.objects.exists()


def test_list_as_json(alice: User) -> None:
    services.add_entry(alice, "Old", dt.date(2026, 11, 1), tags=["a"])
    services.add_entry(alice, "New", dt.date(2026, 11, 2), is_shared=True)
    rows = cli_json("journal", "list")
    assert [(r["title"], r["day"], r["shared"], r["tags"]) for r in rows] == [
        ("New", "2026-11-02", True, []),
        ("Old", "2026-11-01", False, ["a"]),
    ]
    code, output = cli("journal", "list")
    assert code == 0 and "2 entries" in output and "Old" in output


@override_settings(BASE_URL="https://warmline.example.org")
def test_feed_prints_the_address(alice: User, bob: User) -> None:
    code, output = cli("journal", "feed", "--user", "bob")
    assert code == 0, output
    assert output.strip() == (
        f"https://warmline.example.org/journal/feed/{bob.journal_token}/"
    )
