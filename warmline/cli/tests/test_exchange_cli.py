"""`warmline import …`, `export csv|vcard|json`, `backup` and `restore`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warmline.accounts.models import User
from warmline.cli import app
from warmline.cli.tests.runner import cli
from warmline.exchange.tests.full_account import build_full_account
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parents[2] / "exchange" / "tests" / "fixtures"


def test_import_with_dry_run_then_for_real_then_again(alice: User) -> None:
    path = str(FIXTURES / "linkedin_current.csv")
    code, output = cli("import", "linkedin", path, "--dry-run")
    assert code == 0 and "Would import linkedin_current.csv: 3 new" in output
    assert not Person.objects.exists()
    code, output = cli("import", "linkedin", path, "--main", "--tag", "linkedin")
    assert code == 0 and "3 new" in output
    assert set(Person.objects.values_list("degree", flat=True)) == {1}
    code, output = cli("import", "linkedin", path)
    assert "0 new, 0 updated, 3 unchanged" in output


def test_import_generic_csv_and_introduced_by(alice: User) -> None:
    cli("people", "add", "Kevin Liu", "--main")
    code, output = cli(
        "import",
        "csv",
        str(FIXTURES / "generic.csv"),
        "--map",
        "name=Full Name,email=Mail",
        "--introduced-by",
        "Kevin Liu",
    )
    assert code == 0, output
    assert set(
        Person.objects.filter(name__in=["Mei Tanaka", "Nina Kowalski"]).values_list(
            "degree", flat=True
        )
    ) == {2}
    code, output = cli(
        "import", "csv", str(FIXTURES / "generic.csv"), "--map", "colour=X"
    )
    assert code == 1 and "use FIELD=Column" in output


def test_a_broken_file_says_where_and_imports_nothing(alice: User) -> None:
    code, output = cli("import", "linkedin", str(FIXTURES / "broken_quotes.csv"))
    assert code == 1 and "line 3" in output and "Nothing was imported" in output
    code, output = cli("import", "vcard", str(FIXTURES / "nope.vcf"))
    assert code == 1 and "Cannot read" in output
    assert not Person.objects.exists()


def test_exports_and_backup_restore(alice: User, tmp_path: Path) -> None:
    cli("import", "google", str(FIXTURES / "google_current.csv"))
    for kind, name in [("csv", "p.csv"), ("vcard", "p.vcf"), ("json", "p.json")]:
        code, output = cli("export", kind, "-o", str(tmp_path / name))
        assert code == 0, output
    assert (
        json.loads((tmp_path / "p.json").read_text())["people"][0]["name"]
        == "Aisha Rahman"
    )
    assert "BEGIN:VCARD" in (tmp_path / "p.vcf").read_text()
    code, output = cli("backup", str(tmp_path / "b.zip"))
    assert code == 0 and "Backed up" in output
    code, output = cli("restore", str(tmp_path / "b.zip"))
    assert code == 1 and "--force" in output
    code, output = cli("restore", str(tmp_path / "b.zip"), "--force")
    assert code == 0, output
    assert Person.objects.count() == 2


def test_import_json_fills_an_empty_account_and_refuses_a_full_one(
    alice: User, bob: User, tmp_path: Path
) -> None:
    build_full_account(alice)
    path = tmp_path / "alice.json"
    code, output = cli("export", "json", "--user", "alice", "-o", str(path))
    assert code == 0, output
    code, output = cli("import", "json", str(path), "--user", "bob")
    assert code == 0, output
    assert "Imported alice.json into bob: 2 organizations, 2 tags, 3 people" in output
    assert Person.objects.filter(owner=bob).count() == 3
    result = CliRunner().invoke(app, ["import", "json", str(path), "--user", "bob"])
    assert result.exit_code == 1
    assert (
        "already has data" in result.stderr and "Nothing was imported" in result.stderr
    )
    assert Person.objects.filter(owner=bob).count() == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "csv"}', "not a Warmline JSON export"),
        ('{"format": "warmline-export", "version": 3}', "version 3"),
    ],
)
def test_import_json_names_the_file_and_what_is_wrong(
    alice: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: Rich's panel would cut a long one
    Path("bad.json").write_text(text)
    result = CliRunner().invoke(app, ["import", "json", "bad.json"])
    assert result.exit_code == 1
    assert "bad.json" in result.stderr and message in result.stderr
    assert not Person.objects.exists()
