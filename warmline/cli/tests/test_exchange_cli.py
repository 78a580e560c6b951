"""`warmline import …`, `export csv|vcard|json`, `backup` and `restore`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
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
