"""What the attack on imports found: each case imports, or is refused whole with the
file, the line where the broken record begins and one reason, writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.exchange.cleaning import EMAIL, NAME, TAG
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.exchange.rows import ImportFileError
from warmline.exchange.tests.test_importers import counts
from warmline.people.models import EmailAddress, Person, Tag

pytestmark = pytest.mark.django_db
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin(*lines: str) -> bytes:
    return (HEADER + "".join(line + "\n" for line in lines)).encode()


def refusal(kind: str, data: bytes, mapping: dict[str, str] | None = None) -> str:
    with pytest.raises(ImportFileError) as caught:
        read(kind, data, "f.csv", mapping)
    return str(caught.value)


def test_an_unclosed_quote_is_reported_where_its_record_begins() -> None:
    data = linkedin("A,B,,,,,", "C,D,,,,,", 'E,"F,,,,,', "G,H,,,,,")
    assert refusal("linkedin", data) == (
        "f.csv, line 4: cannot read the CSV: unexpected end of data."
    )


def test_a_nul_anywhere_is_refused_with_its_line() -> None:
    data = linkedin(*["A,B,,,,,"] * 8000) + b"X\x00Y,Z,,,,,\n"
    assert len(data) > 65536
    assert refusal("linkedin", data) == (
        "f.csv, line 8002: binary data where text was expected."
    )


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_csv_is_read(alice: User, bom: bool) -> None:
    text = HEADER + "Zoë,Campbell,,zoe@nike.example,Nike,,\n"
    data = text.encode("utf-16" if bom else "utf-16-le")
    (row,) = read("linkedin", data, "f.csv")
    assert (row.name, row.emails) == ("Zoë Campbell", [("zoe@nike.example", "")])


def test_emails_the_model_cannot_hold_are_not_emails(alice: User) -> None:
    long_email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".example"
    assert EMAIL < len(long_email) <= 320  # Django's validator alone lets it through
    rows = read("linkedin", linkedin(f"A,B,,{long_email},,,"), "f.csv")
    import_rows(alice, rows, source="linkedin")
    assert not EmailAddress.objects.exists() and Person.objects.get().name == "A B"


def test_long_and_huge_tags_are_cut_the_same_way_every_time(alice: User) -> None:
    mapping = {"name": "Name", "tags": "Tags"}
    tags = f"{'t' * (TAG + 5)},{'x' * 60_000}"
    data = f'Name,Tags\nDana,"{tags}"\nSam,"{tags.upper()}"\n'.encode()
    for _ in range(2):
        import_rows(alice, read("csv", data, "f.csv", mapping), source="csv")
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "t" * TAG,
        "x" * TAG,
    ]
    assert Person.objects.get(name="Sam").tags.count() == 2
    import_rows(alice, read("csv", data, "f.csv", mapping), source="csv", tag="q" * 99)
    assert Tag.objects.filter(name="q" * TAG).exists()


def test_a_row_with_no_email_url_or_phone_is_not_added_again(alice: User) -> None:
    data = linkedin("Dana,Reyes,,,Lincoln High,Teacher,", "Sam,Okafor,,,,,")
    first = import_rows(alice, read("linkedin", data, "f.csv"), source="linkedin")
    before = counts()
    again = import_rows(alice, read("linkedin", data, "f.csv"), source="linkedin")
    assert (first.created, again.created, again.unchanged) == (2, 0, 2)
    assert counts() == before
    other = linkedin("Dana,Reyes,,,Another School,,")  # same name, elsewhere
    rows = read("linkedin", other, "f.csv")
    assert import_rows(alice, rows, source="linkedin").created == 1


def test_only_http_links_are_kept(alice: User) -> None:
    mapping = {"name": "Name", "linkedin_url": "Link"}
    data = (
        b"Name,Link\nA,javascript:alert(1)\nB,data:text/html;base64,PHNjcmlwdD4=\n"
        b"C,ftp://linkedin.com/in/c\nD,linkedin.com/in/d\nE,https://linkedin.com/in/e\n"
    )
    rows = read("csv", data, "f.csv", mapping)
    assert [r.linkedin_url for r in rows] == [
        "",
        "",
        "",
        "https://linkedin.com/in/d",
        "https://linkedin.com/in/e",
    ]


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2101-01-01"])
def test_a_date_outside_1900_to_2100_is_refused(alice: User, date: str) -> None:
    data = linkedin("A,B,,,,,12 Mar 2024", f"C,D,,,,,{date}")
    assert refusal("linkedin", data) == (
        f"f.csv, line 3: Give a date between 1900 and 2100, not {int(date[:4])}."
    )


def test_names_are_cut_to_the_models_limit(alice: User) -> None:
    (row,) = read("linkedin", linkedin(f"{'A' * 5000},B,,,,,"), "f.csv")
    assert row.name == "A" * NAME


def test_the_cli_refuses_naming_file_line_and_reason_and_writes_nothing(
    alice: User, tmp_path: Path
) -> None:
    path = tmp_path / "c.vcf"
    path.write_bytes(b"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nBEGIN:VCARD\n")
    before = counts()
    code, output = cli("import", "vcard", str(path))
    assert code == 1
    assert (
        "c.vcf, line 4: a card that does not end before another begins (line 6)."
        in output
    )
    assert " Nothing was imported." in output and ".." not in output
    assert counts() == before


def test_the_web_refuses_on_preview_and_writes_nothing(
    alice_client: Client, alice: User
) -> None:
    data = linkedin("A,B,,,,,", "C,D,,,,,1800-01-01")
    alice_client.post(
        "/import/",
        {"kind": "linkedin", "file": SimpleUploadedFile("old.csv", data)},
    )
    before = counts()
    page = alice_client.get("/import/preview/")
    assert page.status_code == 200
    assert "old.csv, line 3: Give a date between 1900 and 2100, not 1800." in page.text
    assert counts() == before
