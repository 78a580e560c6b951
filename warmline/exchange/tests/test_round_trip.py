"""Exports other tools read, and read back: Warmline's own CSV and vCard exports,
imported into an empty account, give back the same people; sources that give a
given and a family name keep them; LinkedIn's date styles are all read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from warmline.accounts.models import User
from warmline.exchange import exports
from warmline.exchange.importers import read
from warmline.exchange.importers.csv_generic import guess, headers
from warmline.exchange.importing import import_rows
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


def network_of(owner: User) -> list[dict[str, Any]]:
    """What must survive a round trip, person by person."""
    return [
        {
            "name": p.name,
            "parts": p.name_parts,
            "emails": sorted(e.address for e in p.emails.all()),
            "phones": sorted(n.number for n in p.phones.all()),
            "organization": p.organization.name if p.organization else None,
            "title": p.title,
            "tags": sorted(t.name for t in p.tags.all()),
            "notes": p.notes,
            "linkedin_url": p.linkedin_url,
        }
        for p in Person.objects.filter(owner=owner)
        .prefetch_related("emails", "phones", "tags")
        .select_related("organization")
        .order_by("name")
    ]


@pytest.fixture
def alices_network(alice: User) -> list[dict[str, Any]]:
    services.create_person(
        alice,
        "Sarah Johnson, PhD",
        organization="Providence Health",
        title="UX Research Lead",
        emails=["sarah@example.org", "s.johnson@example.com"],
        phones=["+1 503 555 0142"],
        tags=["health", "alumni"],
        notes="Met at the UX meetup.\nLikes early calls; prefers email.",
        linkedin_url="https://www.linkedin.com/in/sarahj",
    )
    services.create_person(
        alice, "Zoë van Dijk", given_name="Zoë", family_name="van Dijk", tags=["a, b"]
    )
    services.create_person(alice, "=cmd|' /C calc'!A0", title="-2+3")
    return network_of(alice)


def test_warmlines_csv_comes_back_the_same(
    alice: User, bob: User, alices_network: list[dict[str, Any]]
) -> None:
    data = exports.people_csv(alice).encode()
    mapping = guess(headers(data, "people.csv"))
    import_rows(bob, read("csv", data, "people.csv", mapping), source="csv")
    theirs = network_of(bob)
    # The tag "a, b" holds a comma: CSV tags split on commas, so it comes back as
    # two. Everything else is the same, the cell neutralised as a formula too.
    zoe = next(p for p in theirs if p["name"] == "Zoë van Dijk")
    assert zoe["tags"] == ["a", "b"]
    zoe["tags"] = ["a, b"]
    assert theirs == alices_network


def test_warmlines_vcards_come_back_the_same(
    alice: User, bob: User, alices_network: list[dict[str, Any]]
) -> None:
    data = exports.people_vcards(alice).encode()
    import_rows(bob, read("vcard", data, "people.vcf"), source="vcard")
    assert network_of(bob) == alices_network


def test_linkedin_keeps_first_and_last_names_and_every_date_style(alice: User) -> None:
    data = (
        b"Notes:\n\n"
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b'Sarah,"Johnson, PhD",,,Providence,UX Lead,12 Mar 2024\n'
        b"Ravi,Shankar,,,,,23-Apr-23\n"
        b'Ana,de la Cruz,,,,,"1/8/18, 6:14 PM"\n'
    )
    import_rows(alice, read("linkedin", data, "c.csv"), source="linkedin")
    found = {
        p.name: (*p.name_parts, p.connected_on)
        for p in Person.objects.filter(owner=alice)
    }
    assert found == {
        "Sarah Johnson, PhD": ("Sarah", "Johnson, PhD", dt.date(2024, 3, 12)),
        "Ravi Shankar": ("Ravi", "Shankar", dt.date(2023, 4, 23)),
        "Ana de la Cruz": ("Ana", "de la Cruz", dt.date(2018, 1, 8)),
    }


def test_values_an_import_cannot_keep_are_named(alice: User, tmp_path: Any) -> None:
    """A row is imported without what cannot be stored (an email too long for any
    address, a javascript: link), and the import says so, row by row."""
    from warmline.cli.tests.runner import cli

    long_email = "a" * 300 + "@example.com"
    path = tmp_path / "c.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Ana,Lima,javascript:alert(1),{long_email},,,\n"
    )
    code, output = cli("import", "linkedin", str(path))
    assert code == 0, output
    assert "Imported, but a value left out (2)" in output
    assert "line 2: Ana Lima: the email 'aaaa" in output
    assert "the link 'javascript:alert(1)' (only http(s) is kept)" in output
    ana = Person.objects.get(name="Ana Lima")
    assert (ana.linkedin_url, list(ana.emails.all())) == ("", [])
