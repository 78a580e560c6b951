"""Each import format, each variant people actually have, through the import service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warmline.accounts.models import User
from warmline.exchange.importers import csv_generic, read
from warmline.exchange.importing import import_rows
from warmline.exchange.rows import ImportFileError
from warmline.people import services
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
    Tag,
)

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def load(kind: str, name: str) -> list:
    return read(kind, (FIXTURES / name).read_bytes(), name)


def counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count()
        for m in (Person, EmailAddress, PhoneNumber, Organization, Tag, Introduction)
    )


def person(name: str) -> Person:
    return Person.objects.select_related("organization").get(name=name)


def test_linkedin_current_export(alice: User) -> None:
    rows = load("linkedin", "linkedin_current.csv")
    result = import_rows(alice, rows, source="linkedin")
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    sam = person("Sam Okafor")
    assert sam.organization.name == "Northwind Analytics, Inc."  # type: ignore[union-attr]
    assert sam.linkedin_url == "https://www.linkedin.com/in/samokafor"
    assert sam.connected_on == dt.date(2025, 2, 1) and sam.source == "linkedin"
    assert person("Zoë Campbell").title == "Research Operations, Consumer Insights"
    assert person("Dana Reyes").emails.get().address == "dana@example.com"


def test_linkedin_older_export_with_bom_crlf_and_urn_emails(alice: User) -> None:
    rows = load("linkedin", "linkedin_old.csv")
    assert [(r.name, r.emails, r.connected_on) for r in rows] == [
        ("Dana Reyes", [], dt.date(2018, 1, 8)),
        ("Priya Natarajan", [("priya@cascade.example", "")], dt.date(2019, 11, 20)),
    ]


def test_google_current_export_with_labels_and_joined_values(alice: User) -> None:
    import_rows(alice, load("google", "google_current.csv"), source="google")
    aisha = person("Aisha Rahman")
    assert [(e.address, e.label) for e in aisha.emails.all()] == [
        ("aisha@home.example", "Home"),
        ("aisha@providence.example", "Work"),
    ]
    assert [(p.number, p.label) for p in aisha.phones.all()] == [
        ("+15035550142", "Mobile"),
        ("+15035550199", "Work"),
        ("+15035550198", "Work"),
    ]
    assert [t.name for t in aisha.tags.all()] == ["Friends"]
    assert (aisha.title, aisha.notes) == ("Nurse Practitioner", "Neighbour")
    assert person("Kevin J. Liu").organization.name == "Intel"  # type: ignore[union-attr]


def test_google_older_export_read_by_header_names(alice: User) -> None:
    import_rows(alice, load("google", "google_old.csv"), source="google")
    tom = person("Tom Alvarez")
    assert [e.address for e in tom.emails.all()] == [
        "tom@home.example",
        "tom.alvarez@example.org",
    ]
    assert (tom.organization.name, tom.title) == ("City of Portland", "Parks Planner")  # type: ignore[union-attr]
    assert tom.phones.get().number == "+15035550123"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "contacts_21.vcf",
            [
                (
                    "Jürgen Müller",
                    ["juergen@example.de"],
                    ["+491701234567", "+49301234567"],
                    "Acme GmbH",
                )
            ],
        ),
        (
            "contacts_30.vcf",
            [
                (
                    "Ben Okoro",
                    ["ben@lincoln.example", "ben@home.example"],
                    ["+15035550155"],
                    "Lincoln High School",
                ),
                ("Grace Kim", ["grace@osu.example"], [], None),
            ],
        ),
        (
            "contacts_40.vcf",
            [
                (
                    "Zoë Campbell",
                    ["zoe@nike.example", "zoe@home.example"],
                    ["+15035550111"],
                    None,
                )
            ],
        ),
    ],
)
def test_vcards_of_every_version(alice: User, name: str, expected: list) -> None:
    import_rows(alice, load("vcard", name), source="vcard")
    found = [
        (
            p.name,
            [e.address for e in p.emails.all()],
            [n.number for n in p.phones.all()],
            p.organization.name if p.organization else None,
        )
        for p in Person.objects.order_by("id").select_related("organization")
    ]
    assert found == expected


def test_vcard_details_quoted_printable_and_folding(alice: User) -> None:
    rows = load("vcard", "contacts_21.vcf") + load("vcard", "contacts_40.vcf")
    assert rows[0].notes == "Met at the\r\nconference"
    assert rows[1].notes == "A long note that is folded across two lines."
    assert rows[1].location == "Beaverton, OR"


def test_generic_csv_with_a_column_mapping(alice: User) -> None:
    mapping = csv_generic.parse_mapping(
        "name=Full Name,email=Mail,organization=Employer,title=Role"
    )
    rows = read("csv", (FIXTURES / "generic.csv").read_bytes(), "generic.csv", mapping)
    import_rows(alice, rows, source="csv")
    assert person("Mei Tanaka").title == "UX Research Manager"
    with pytest.raises(ImportFileError, match="no column named 'Nope'"):
        read("csv", (FIXTURES / "generic.csv").read_bytes(), "g.csv", {"name": "Nope"})
    with pytest.raises(ValueError, match="use FIELD=Column"):
        csv_generic.parse_mapping("favourite=Colour")


def test_re_importing_the_same_file_changes_nothing(alice: User) -> None:
    rows = load("google", "google_current.csv")
    import_rows(alice, rows, source="google", tag="imported")
    before = counts()
    again = import_rows(
        alice, load("google", "google_current.csv"), source="google", tag="imported"
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert counts() == before


def test_a_known_person_is_updated_never_doubled_and_edits_are_kept(
    alice: User,
) -> None:
    dana = services.create_person(
        alice, "Dana R.", emails=["DANA@example.com"], title="Head of Science"
    )
    result = import_rows(
        alice, load("linkedin", "linkedin_current.csv"), source="linkedin"
    )
    assert (result.created, result.updated) == (2, 1)
    dana.refresh_from_db()
    assert (dana.name, dana.title) == ("Dana R.", "Head of Science")  # the user's own
    assert dana.organization.name == "Lincoln High School"  # type: ignore[union-attr]  # was blank
    assert dana.linkedin_url == "https://www.linkedin.com/in/danareyes"
    assert dana.joined_on == dana.connected_on == dt.date(2024, 3, 12)  # long before
    assert person("Zoë Campbell").joined_on == dt.date(2025, 10, 28)


def test_a_known_person_gains_the_email_and_phone_they_lacked(alice: User) -> None:
    services.create_person(alice, "Aisha", phones=["+1 503 555 0142"])
    google = import_rows(alice, load("google", "google_current.csv"), source="google")
    assert google.updated == 1
    aisha = Person.objects.get(name="Aisha")
    assert aisha.emails.exists()  # the file's address, added to the known person


def test_a_person_matches_by_linkedin_url_or_phone(alice: User) -> None:
    services.create_person(
        alice, "Sam", linkedin_url="http://linkedin.com/in/SamOkafor/"
    )
    services.create_person(alice, "Aisha", phones=["+1 503 555 0142"])
    linkedin = import_rows(
        alice, load("linkedin", "linkedin_current.csv"), source="linkedin"
    )
    google = import_rows(alice, load("google", "google_current.csv"), source="google")
    assert (linkedin.created, linkedin.updated) == (2, 1)
    assert (google.created, google.updated) == (1, 1)
    assert Person.objects.filter(name__in=["Sam", "Aisha"]).count() == 2


def test_organizations_match_ignoring_case_and_suffix(alice: User) -> None:
    services.create_person(alice, "Someone", organization="NORTHWIND ANALYTICS")
    import_rows(alice, load("linkedin", "linkedin_current.csv"), source="linkedin")
    assert Organization.objects.filter(name_key="northwind analytics").count() == 1
    assert person("Sam Okafor").organization.name == "NORTHWIND ANALYTICS"  # type: ignore[union-attr]


def test_main_tag_and_introduced_by_options(alice: User) -> None:
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    import_rows(
        alice,
        load("vcard", "contacts_30.vcf"),
        source="vcard",
        tag="teachers",
        introduced_by=dana,
    )
    ben = person("Ben Okoro")
    assert ben.degree == 2 and [t.name for t in ben.tags.all()] == ["teachers"]
    import_rows(alice, load("google", "google_old.csv"), source="google", main=True)
    assert person("Tom Alvarez").degree == 1


def test_the_same_person_twice_in_one_file_is_one_person(alice: User) -> None:
    rows = load("vcard", "contacts_30.vcf")
    result = import_rows(alice, rows + load("vcard", "contacts_30.vcf"), source="vcard")
    assert (result.created, result.repeated) == (2, 2)
    assert Person.objects.count() == 2


def test_dry_run_writes_nothing(alice: User) -> None:
    before = counts()
    result = import_rows(
        alice, load("google", "google_current.csv"), source="google", dry_run=True
    )
    assert result.created == 2
    assert counts() == before


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        (
            "linkedin",
            "broken_quotes.csv",
            "broken_quotes.csv, line 3: cannot read the CSV",
        ),
        ("linkedin", "latin1.csv", "latin1.csv, line 2: not UTF-8 text (byte 0xe9)"),
        ("linkedin", "google_current.csv", "not a LinkedIn Connections.csv"),
        ("vcard", "generic.csv", "not a vCard file"),
    ],
)
def test_an_unreadable_file_is_refused_whole_with_file_and_line(
    alice: User, kind: str, name: str, message: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        load(kind, name)
    assert message in str(caught.value)


def test_binary_junk_is_refused(alice: User) -> None:
    with pytest.raises(ImportFileError, match="binary data"):
        read("linkedin", b"First Name,Last Name\n\x00\x01\x02", "junk.csv")


def test_a_broken_vcard_names_the_line_its_card_begins() -> None:
    data = b"BEGIN:VCARD\nFN:X\nEND:VCARD\nBEGIN:VCARD\nFN:Y\nNOTE:no end\n"
    with pytest.raises(ImportFileError) as caught:
        read("vcard", data, "bad.vcf")
    assert str(caught.value) == "bad.vcf, line 4: a card with no END:VCARD."


def test_hostile_content_is_kept_as_plain_text(alice: User) -> None:
    import_rows(alice, load("linkedin", "hostile.csv"), source="linkedin")
    hostile = Person.objects.get()
    assert hostile.name == '=HYPERLINK("http://evil.example") <script>alert(1)</script>'
    assert hostile.organization.name == "+cmd|calc"  # type: ignore[union-attr]


def test_huge_fields_are_cut_to_size(alice: User) -> None:
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"{'A' * 5000},B,,,{'C' * 5000},{'T' * 5000},\n"
    ).encode()
    import_rows(alice, read("linkedin", data, "huge.csv"), source="linkedin")
    giant = Person.objects.get()
    assert len(giant.name) == 200 and len(giant.title) == 200


def test_introduced_by_skips_whoever_is_up_the_introducers_chain(alice: User) -> None:
    ben = services.create_person(
        alice, "Ben", is_main_contact=True, emails=["ben@lincoln.example"]
    )
    dana = services.create_person(alice, "Dana", introduced_by=ben)
    import_rows(
        alice, load("vcard", "contacts_30.vcf"), source="vcard", introduced_by=dana
    )
    # Ben (matched by email) introduced Dana: Dana cannot have introduced Ben.
    assert not Introduction.objects.filter(introducer=dana, person=ben).exists()
    assert Introduction.objects.filter(
        introducer=dana, person__name="Grace Kim"
    ).exists()
