"""vCards as each phone and address book exports them (samples/README.md says where
each format comes from), through the import service."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmline.accounts.models import User
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.exchange.rows import ImportFileError
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples" / "vcard"

# name, emails, phones (as stored), organization, title: one line per card.
EXPECTED = {
    "android.vcf": [
        (
            "Ingrid Maëlle Françoise Sørensen-Åberg",
            ["ingrid@home.example", "ingrid.sorensen@volvo.example"],
            ["+46701234567", "+46812345678"],
            "Volvo Lastvagnar AB Göteborg Forskning och Utveckling",
            "Ingenjör",
        ),
        ("lars@company.example", ["lars@company.example"], [], None, ""),
    ],
    "iphone.vcf": [
        (
            "Dr. Chidi Okonkwo",
            ["chidi@lht.example", "chidi.o@mail.example"],
            ["+2348031234567", "+23412345678", "+23412349999"],
            "Lagos Health Trust",
            "Clinical Research Lead",
        )
    ],
    "outlook_2003.vcf": [
        (
            "Jürgen Müller",
            ["juergen.mueller@siemens.example"],
            ["+498963600", "+491715550101", "+498963601"],
            "Siemens AG",
            "Key Account Manager",
        )
    ],
    "outlook_2007.vcf": [
        (
            "Ms. Hana Nakamura",
            ["hana.nakamura@contoso.example"],
            ["+12065550134", "+12065550178"],
            "Contoso Ltd.",
            "Senior UX Designer",
        )
    ],
    "lotus_notes.vcf": [
        (
            "Ana Lucia Ferreira",
            ["ana.ferreira@petrobras.example", "ana.lf@mail.example"],
            ["+5521998765432", "+552132240000"],
            "Petrobras",
            "Systems Analyst",
        )
    ],
    "evolution.vcf": [
        (
            "Siobhan Mary O'Brien",
            ["s.obrien@leeds.example"],
            ["+447700900123"],
            "University of Leeds",
            "Lecturer",
        )
    ],
    "mac_address_book.vcf": [
        (
            "Erik Lindqvist",
            ["erik@spotify.example"],
            ["+46855501020", "+46705550199"],
            "Spotify",
            "Staff Engineer",
        )
    ],
    "blackberry.vcf": [
        (
            "Rahul Mehta",
            ["rahul.mehta@infosys.example"],
            ["+919845012345"],
            "Infosys",
            "Delivery Manager",
        )
    ],
    "gmail.vcf": [
        (
            "María José García",
            ["mjgarcia@gmail.example", "maria.garcia@telefonica.example"],
            ["+34612345678"],
            "Telefónica",
            "Product Owner",
        ),
        ("Tom Becker", ["tom.becker@gmail.example"], [], None, ""),
    ],
    "thunderbird.vcf": [
        (
            "Amélie Dubois",
            ["amelie.dubois@airbus.example", "amelie@maison.example"],
            ["+33561933333", "+33612345678"],
            "Airbus",
            "Design Engineer",
        )
    ],
}


def people() -> list[tuple]:
    return [
        (
            p.name,
            [e.address for e in p.emails.all()],
            [n.number for n in p.phones.all()],
            p.organization.name if p.organization else None,
            p.title,
        )
        for p in Person.objects.order_by("id").select_related("organization")
    ]


def test_every_sample_is_checked() -> None:
    assert sorted(p.name for p in SAMPLES.glob("*.vcf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_clients_export_imports_with_names_emails_phones_and_work(
    alice: User, name: str
) -> None:
    rows = read("vcard", (SAMPLES / name).read_bytes(), name)
    import_rows(alice, rows, source="vcard")
    assert people() == EXPECTED[name]


def test_labels_come_from_types_and_apple_groups() -> None:
    rows = read("vcard", (SAMPLES / "iphone.vcf").read_bytes(), "iphone.vcf")
    assert rows[0].emails == [
        ("chidi@lht.example", "other"),  # item1.X-ABLabel:_$!<Other>!$_
        ("chidi.o@mail.example", "home"),
    ]
    assert [label for _, label in rows[0].phones] == ["cell", "work", "assistantphone"]


def test_quoted_printable_in_any_charset_split_across_lines() -> None:
    (outlook,) = read("vcard", (SAMPLES / "outlook_2003.vcf").read_bytes(), "o.vcf")
    assert outlook.name == "Jürgen Müller"  # Windows-1252
    assert (
        outlook.notes
        == (
            "Met at the trade fair\r\nSecond line\r\n\r\nAfter an empty one\r\n"
        ).strip()
    )
    (hana,) = read("vcard", (SAMPLES / "outlook_2007.vcf").read_bytes(), "o.vcf")
    assert hana.notes.endswith("mornings.\r\nFollow up in March")
    assert hana.location == "Redmond, WA"


def test_a_literal_line_break_inside_a_label_goes_on_the_label() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Reyes;Dana\r\n"
        b"LABEL;WORK:12 Elm St\r\nPortland, OR 97201\r\n"
        b"EMAIL;INTERNET:dana@example.com\r\nEND:VCARD\r\n"
    )
    (dana,) = read("vcard", data, "label.vcf")
    assert (dana.name, dana.emails) == ("Dana Reyes", [("dana@example.com", "")])


def test_a_broken_photo_is_ignored_and_the_card_imported() -> None:
    data = (
        b"BEGIN:VCARD\nVERSION:2.1\nFN:Dana Reyes\n"
        b"PHOTO;ENCODING=BASE64;JPEG:!!not base64 at all%%\n =?\n\n"
        b"TEL;CELL:503-555-0100\nEND:VCARD\n"
    )
    (dana,) = read("vcard", data, "photo.vcf")
    assert (dana.name, dana.phones) == ("Dana Reyes", [("503-555-0100", "cell")])


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-16"),  # with a BOM
        lambda t: t.encode("utf-16-le"),  # Windows "Unicode", no BOM
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.replace("\r\n", "\r\r\n").encode(),  # as some iPhones send it
    ],
)
def test_utf16_utf8_and_odd_line_ends_are_read(encode: object) -> None:
    text = (SAMPLES / "thunderbird.vcf").read_text(encoding="utf-8")
    (amelie,) = read("vcard", encode(text), "tb.vcf")  # type: ignore[operator]
    assert (amelie.name, amelie.organization) == ("Amélie Dubois", "Airbus")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nAGENT:\n"
            b"BEGIN:VCARD\nFN:C\nEND:VCARD\nEND:VCARD\n",
            "x.vcf, line 4: a card that does not end before another begins (line 7).",
        ),
        (
            b"BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:B\n",
            "x.vcf, line 4: a property outside any card.",
        ),
        (
            b"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n" + b"NOTE:x\n" * 5,
            "x.vcf, line 4: a card with no END:VCARD.",
        ),
        (
            b"BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n",
            "x.vcf, line 4: an END with no BEGIN before it.",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VCARD\nFN:A\nEND:VCARD\n",
            "x.vcf, line 1: BEGIN:VCALENDAR where a vCard was expected.",
        ),
    ],
)
def test_a_broken_card_is_refused_at_the_line_it_begins(
    data: bytes, message: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        read("vcard", data, "x.vcf")
    assert str(caught.value) == message


def test_deep_nesting_is_refused_without_recursion() -> None:
    data = b"BEGIN:VCARD\n" * 100_000
    with pytest.raises(ImportFileError, match="line 1: a card that does not end"):
        read("vcard", data, "deep.vcf")
