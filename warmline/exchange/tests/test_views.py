"""Import, export and duplicates pages: the owner's, and nobody else's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def upload(client: Client, kind: str, name: str, **extra: str):
    data = (FIXTURES / name).read_bytes()
    return client.post(
        "/import/", {"kind": kind, "file": SimpleUploadedFile(name, data), **extra}
    )


def test_upload_preview_then_confirm(alice_client: Client, alice: User) -> None:
    response = upload(alice_client, "google", "google_current.csv", tag="from google")
    assert response["Location"] == "/import/preview/"
    preview = alice_client.get("/import/preview/")
    assertContains(preview, "Aisha Rahman")
    assert preview.context["result"].created == 2
    assert not Person.objects.exists()  # nothing yet
    done = alice_client.post("/import/confirm/", follow=True)
    assertContains(done, "Imported google_current.csv: 2 new")
    assert Person.objects.filter(owner=alice).count() == 2
    assert alice_client.get("/import/preview/").status_code == 302  # used up


def test_generic_csv_goes_through_column_mapping(
    alice_client: Client, alice: User
) -> None:
    assert upload(alice_client, "csv", "generic.csv")["Location"] == "/import/columns/"
    mapping = alice_client.get("/import/columns/")
    assert mapping.context["columns"] == ["Full Name", "Mail", "Employer", "Role"]
    alice_client.post(
        "/import/columns/",
        {"name": "Full Name", "email": "Mail", "organization": "Employer"},
    )
    alice_client.post("/import/confirm/")
    assert sorted(Person.objects.values_list("name", flat=True)) == [
        "Mei Tanaka",
        "Nina Kowalski",
    ]


def test_a_broken_file_is_refused_on_preview_and_nothing_written(
    alice_client: Client,
) -> None:
    upload(alice_client, "linkedin", "broken_quotes.csv")
    response = alice_client.get("/import/preview/")
    assertContains(response, "broken_quotes.csv, line 3: cannot read the CSV")
    assertContains(response, "Nothing was imported")
    assert not Person.objects.exists()


def test_hostile_names_are_shown_escaped(alice_client: Client) -> None:
    upload(alice_client, "linkedin", "hostile.csv")
    alice_client.post("/import/confirm/")
    page = alice_client.get("/people/")
    assertNotContains(page, "<script>alert(1)</script>")
    assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_exports_hold_only_the_owners_data(
    alice_client: Client, bob_client: Client, alice: User
) -> None:
    services.create_person(alice, "Dana Reyes", emails=["dana@example.com"])
    for kind in ["csv", "vcard", "ics", "json"]:
        assert alice_client.get(f"/export/{kind}/").status_code == 200
    assertContains(alice_client.get("/export/csv/"), "Dana Reyes")
    for kind in ["csv", "vcard", "json"]:
        assertNotContains(bob_client.get(f"/export/{kind}/"), "Dana Reyes")
    data = json.loads(bob_client.get("/export/json/").content)
    assert data["people"] == [] and data["user"]["username"] == "bob"
    assert Client().get("/export/json/").status_code == 302
    assert alice_client.get("/export/exe/").status_code == 404


def test_duplicates_page_merges_and_keeps_apart(
    alice_client: Client, bob_client: Client, alice: User
) -> None:
    a = services.create_person(alice, "Dana Reyes", organization="Lincoln High")
    b = services.create_person(alice, "Dana  reyes")
    page = alice_client.get("/people/duplicates/")
    assert len(page.context["candidates"]) == 1
    resolve = "/people/duplicates/merge/"
    assert bob_client.post(resolve, {"keep": a.pk, "other": b.pk}).status_code == 404
    assert alice_client.post(resolve, {"keep": "x", "other": b.pk}).status_code == 404
    alice_client.post(resolve, {"keep": a.pk, "other": b.pk})
    assert list(Person.objects.values_list("pk", flat=True)) == [a.pk]


def test_import_and_export_ask_an_anonymous_visitor_to_log_in() -> None:
    for url in ["/import/", "/export/", "/people/duplicates/"]:
        assert Client().get(url).status_code == 302


def test_the_preview_lists_every_row_that_is_not_simply_new(
    alice_client: Client, alice: User
) -> None:
    """Counts of new, updated, unchanged, not imported and likely duplicates, each
    row of the last four kinds with why; and the mapping page guesses the columns."""
    from warmline.people import services

    services.create_person(alice, "Mei Tanaka", emails=["mei@intel.example"])
    services.create_person(alice, "José García", organization="Acme")
    data = (
        b"Full Name,Mail,Employer,Role\n"
        b"Mei Tanaka,mei@intel.example,Intel,UX Research Manager\n"
        b",,Nowhere Inc,\n"
        b"Jose Garcia,jose@other.example,Other,\n"
        b"Nina Kowalski,nina@intel.example,Intel,\n"
        b"Nina Kowalski,nina@intel.example,Intel,Staff\n"
    )
    alice_client.post(
        "/import/", {"kind": "csv", "file": SimpleUploadedFile("f.csv", data)}
    )
    guessed = alice_client.get("/import/columns/")
    assertContains(guessed, '<option value="Full Name" selected>')
    alice_client.post(
        "/import/columns/",
        {
            "name": "Full Name",
            "email": "Mail",
            "organization": "Employer",
            "title": "Role",
        },
    )
    page = alice_client.get("/import/preview/")
    result = page.context["result"]
    assert (result.created, result.updated, result.skipped) == (2, 1, 1)
    assert result.likely_duplicates == 1
    assert result.listed["skipped"].rows == [(3, "", "no name and no email address")]
    ((line, name, why),) = result.listed["likely_duplicates"].rows
    assert (line, name) == (4, "Jose Garcia") and "José García" in why
    assert result.listed["updated"].rows == [(2, "Mei Tanaka", "title, organization")]
    assert result.listed["repeated"].rows == [
        (6, "Nina Kowalski", "the same person as line 5")
    ]
    assertContains(page, "1 row of the file will not be imported")
    assert not Person.objects.filter(name="Nina Kowalski").exists()
