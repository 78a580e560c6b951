"""Limits on what an import reads (settings IMPORT_MAX_*): a file past any of them
is refused within a second with file, line and reason, on the web and the command
line; uploads are deleted once done with, and a day after at the latest."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.asserts import assertContains

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.exchange import uploads
from warmline.exchange.importers import read
from warmline.exchange.rows import ImportFileError
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def refused_quickly(kind: str, data: bytes, mapping: Any = None) -> str:
    start = time.monotonic()
    with pytest.raises(ImportFileError) as caught:
        read(kind, data, "f.csv", mapping)
    assert time.monotonic() - start < 1.0
    return str(caught.value)


def test_the_defaults_are_those_the_readme_states(settings: Any) -> None:
    assert (
        settings.IMPORT_MAX_BYTES,
        settings.IMPORT_MAX_ROWS,
        settings.IMPORT_MAX_COLUMNS,
        settings.IMPORT_MAX_CELL_CHARACTERS,
    ) == (20 * 2**20, 200_000, 200, 100_000)
    readme = (Path(__file__).parents[3] / "README.md").read_text()
    for line in [
        "| `WARMLINE_IMPORT_MAX_BYTES` | ",
        "| `WARMLINE_IMPORT_MAX_ROWS` | ",
        "| `WARMLINE_IMPORT_MAX_COLUMNS` | ",
        "| `WARMLINE_IMPORT_MAX_CELL_CHARACTERS` | ",
    ]:
        assert line in readme


def test_a_million_columns_are_refused_within_a_second() -> None:
    data = ("a," * 1_000_000 + "\n").encode()
    assert refused_quickly("csv", data, {"name": "a"}) == (
        "f.csv, line 1: 1,000,001 columns, more than the 200 a row may have."
    )


def test_a_million_rows_are_refused_within_a_second() -> None:
    data = (HEADER + "A,B,,,,,\r\n" * 1_000_000).encode()
    assert refused_quickly("linkedin", data) == (
        "f.csv, line 200001: more than 200,000 rows, the most an import may have."
    )


def test_rows_are_counted_as_records_not_lines(settings: Any) -> None:
    settings.IMPORT_MAX_ROWS = 3
    notes = '"one\ntwo\nthree\nfour"'
    data = f"Name,Notes\nDana,{notes}\nSam,{notes}\n".encode()
    assert len(read("csv", data, "f.csv", {"name": "Name"})) == 2
    with pytest.raises(ImportFileError, match="line 10: more than 3 rows"):
        read("csv", data + f"Ana,{notes}\n".encode(), "f.csv", {"name": "Name"})


def test_a_cell_past_the_limit_is_refused_with_its_line() -> None:
    data = (HEADER + "A,B,,,,,\n" + "C," + "x" * 100_001 + ",,,,,\n").encode()
    assert refused_quickly("linkedin", data) == (
        "f.csv, line 3: a cell longer than 100,000 characters, "
        "the most a cell may hold."
    )
    fits = (HEADER + "C," + "x" * 100_000 + ",,,,,\n").encode()
    assert len(read("linkedin", fits, "f.csv")) == 1


def test_a_file_past_the_size_limit_is_refused(settings: Any) -> None:
    settings.IMPORT_MAX_BYTES = 1000
    assert refused_quickly("linkedin", HEADER.encode() + b"A,B,,,,,\n" * 200) == (
        "f.csv: 0.0 MB, more than the 0.000953674 MB an import may be."
    )


def card(*lines: str) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        + "".join(f"{x}\r\n" for x in lines)
        + ("END:VCARD\r\n")
    )


def test_vcards_past_the_limits_are_refused_and_photos_do_not_count(
    settings: Any,
) -> None:
    settings.IMPORT_MAX_ROWS = 2
    two = card("FN:Dana") + card("FN:Sam")
    assert [r.name for r in read("vcard", two.encode(), "c.vcf")] == ["Dana", "Sam"]
    with pytest.raises(ImportFileError, match=r"c.vcf, line 9: more than 2 rows"):
        read("vcard", (two + card("FN:Ana")).encode(), "c.vcf")
    many = card("FN:Dana", *[f"EMAIL:d{i}@example.com" for i in range(200)])
    with pytest.raises(ImportFileError, match="line 1: a card of more than 200"):
        read("vcard", many.encode(), "c.vcf")
    folded = "NOTE:" + "\r\n ".join(["y" * 70] * 1500)  # 105,000 characters
    with pytest.raises(ImportFileError, match="line 4: a cell longer than 100,000"):
        read("vcard", card("FN:Dana", folded).encode(), "c.vcf")
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(["QUJD" * 19] * 20_000)
    (row,) = read(
        "vcard", card("FN:Dana", photo, "EMAIL:d@example.com").encode(), "c.vcf"
    )
    assert (row.name, row.emails) == ("Dana", [("d@example.com", "")])


def test_the_cli_refuses_a_file_past_the_size_limit_before_reading_it(
    alice: User, tmp_path: Path
) -> None:
    big = tmp_path / "Connections.csv"
    with big.open("wb") as out:
        out.truncate(21 * 2**20)  # sparse: nothing written, nothing to read
    start = time.monotonic()
    code, output = cli("import", "linkedin", str(big))
    assert time.monotonic() - start < 1.0
    assert code == 1
    assert (
        "Connections.csv: 21.0 MB, more than the 20 MB an import may be. "
        "Nothing was imported." in " ".join(output.split())
    )


def upload(client: Client, kind: str, data: bytes) -> Any:
    return client.post(
        "/import/", {"kind": kind, "file": SimpleUploadedFile("big.csv", data)}
    )


def kept(owner: User) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / uploads.FOLDER / str(owner.pk)
    return sorted(folder.iterdir()) if folder.exists() else []


def test_the_upload_form_refuses_a_file_past_the_size_limit(
    alice_client: Client, alice: User, settings: Any
) -> None:
    settings.IMPORT_MAX_BYTES = 2**20
    response = upload(alice_client, "linkedin", b"x" * (2**20 + 1))
    assertContains(response, "big.csv: 1.0 MB, more than the 1 MB an import may be.")
    assertContains(response, "A file may be up to 1 MB, 200,000 rows and 200 columns")
    assert kept(alice) == []


def test_the_mapping_page_refuses_a_million_columns_within_a_second(
    alice_client: Client, alice: User
) -> None:
    upload(alice_client, "csv", ("a," * 1_000_000 + "\n").encode())
    start = time.monotonic()
    response = alice_client.get("/import/columns/")
    assert time.monotonic() - start < 1.0
    assertContains(response, "big.csv, line 1: 1,000,001 columns, more than the 200")
    assertContains(response, "Nothing was imported.")
    assert kept(alice) == []


def test_an_upload_is_deleted_when_confirmed_cancelled_or_refused(
    alice_client: Client, alice: User
) -> None:
    good = (HEADER + "Dana,Reyes,,,,,\n").encode()
    upload(alice_client, "linkedin", good)
    (path,) = kept(alice)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    alice_client.get("/import/preview/")
    alice_client.post("/import/confirm/")
    assert kept(alice) == [] and Person.objects.count() == 1
    upload(alice_client, "linkedin", good)
    alice_client.get("/import/preview/")
    response = alice_client.post("/import/cancel/", follow=True)
    assertContains(response, "Nothing was imported.")
    assert kept(alice) == [] and Person.objects.count() == 1
    upload(alice_client, "linkedin", b"not,a,linkedin,file\n")
    assertContains(alice_client.get("/import/preview/"), "Nothing was imported.")
    assert kept(alice) == []
    upload(alice_client, "linkedin", good)
    upload(alice_client, "linkedin", good)  # another file replaces the first
    assert len(kept(alice)) == 1


def test_leftovers_a_day_old_are_removed_on_upload_and_by_tick(
    alice_client: Client, alice: User, bob: User
) -> None:
    day_old = time.time() - 25 * 3600
    for owner in (alice, bob):  # previews left in other browsers, never confirmed
        uploads.keep(owner.pk, [b"left"])
    for path in [*kept(alice), *kept(bob)]:
        os.utime(path, (day_old, day_old))
    uploads.keep(alice.pk, [b"recent"])
    upload(alice_client, "linkedin", b"new")
    assert sorted(p.read_bytes() for p in kept(alice)) == [b"new", b"recent"]
    assert kept(bob) == []
    for path in kept(alice):
        os.utime(path, (day_old, day_old))
    code, output = cli("tick")
    assert code == 0 and "2 import uploads a day old removed." in " ".join(
        output.split()
    )
    assert kept(alice) == []
