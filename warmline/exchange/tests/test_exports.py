"""Exports and their round-trips, backup and restore, duplicates and merging."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
import vobject
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ForeignObjectRel
from django.utils import timezone

from warmline.accounts.models import User
from warmline.exchange import backup, duplicates, exports, restore
from warmline.exchange.backup_format import BackupError
from warmline.exchange.formulas import neutralise
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.exchange.models import DistinctPair
from warmline.exchange.tests.full_account import build_full_account
from warmline.home.demo import load_demo
from warmline.meetings.models import Meeting, ResumeVersion
from warmline.meetings.resumes import add_resume
from warmline.meetings.services import create_meeting
from warmline.outreach.models import Attempt, CallListEntry, FollowUp
from warmline.outreach.services import log_attempt
from warmline.people import services
from warmline.people.models import Introduction, Person

pytestmark = pytest.mark.django_db


def snapshot(owner: User) -> dict:
    """Everything the owner has, as the JSON export writes it, and the degrees.

    Times to the millisecond: a backup is written by Django's serializer, which keeps
    no more."""
    # Every time to three decimals: a backup writes "10:00:03" for a time whose
    # microseconds are under 1,000, which the export writes "10:00:03.000412".
    text = re.sub(
        r"(\d\d:\d\d:\d\d)(\.\d+)?(?=[+-]\d\d:\d\d)",
        lambda m: m.group(1) + (m.group(2) or ".")[:4].ljust(4, "0"),
        json.dumps(exports.everything(owner)),
    )
    data = json.loads(text)
    data.pop("exported_at")
    data["degrees"] = sorted(
        Person.objects.filter(owner=owner).values_list("name", "degree")
    )
    return data


def test_people_csv_neutralises_formulas(alice: User) -> None:
    services.create_person(
        alice, '=HYPERLINK("http://evil")', title="+cmd", notes="@SUM(A1)"
    )
    services.create_person(alice, "Plain Name", phones=["+1 503 555 0101"])
    rows = list(csv.DictReader(io.StringIO(exports.people_csv(alice))))
    evil = next(r for r in rows if "HYPERLINK" in r["name"])
    assert evil["name"].startswith("'=") and evil["title"] == "'+cmd"
    assert evil["notes"] == "'@SUM(A1)"
    plain = next(r for r in rows if r["name"] == "Plain Name")
    assert plain["phones"] == "+15035550101"  # a number, not a formula: as it is


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd", "'+cmd"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("+1 503 555 0142", "+1 503 555 0142"),
        ("-3", "-3"),
        ("- a list item", "- a list item"),
        ("Ana", "Ana"),
    ],
)
def test_only_what_a_spreadsheet_would_run_is_neutralised(
    cell: str, written: str
) -> None:
    assert neutralise(cell) == written


def test_vcard_export_parses_back_with_the_same_details(alice: User) -> None:
    load_demo(alice)
    services.create_person(
        alice, "Zoë Nü", emails=["zoe@example.com"], phones=["503 555 0111"]
    )
    text = exports.people_vcards(alice)
    cards = list(vobject.readComponents(text))
    people = Person.objects.filter(owner=alice)
    assert len(cards) == people.count()
    assert all(card.version.value == "4.0" for card in cards)
    read = {
        c.fn.value: (
            [e.value for e in c.contents.get("email", [])],
            [t.value for t in c.contents.get("tel", [])],
        )
        for c in cards
    }
    for p in people.prefetch_related("emails", "phones"):
        assert read[p.name] == (
            [e.address for e in p.emails.all()],
            [n.number for n in p.phones.all()],
        )


def test_vcard_round_trip_into_an_empty_user(alice: User, bob: User) -> None:
    load_demo(alice)
    rows = read("vcard", exports.people_vcards(alice).encode(), "people.vcf")
    import_rows(bob, rows, source="vcard")
    mine = {
        (p.name, tuple(p.emails.values_list("address", flat=True)))
        for p in Person.objects.filter(owner=alice)
    }
    theirs = {
        (p.name, tuple(p.emails.values_list("address", flat=True)))
        for p in Person.objects.filter(owner=bob)
    }
    assert mine == theirs


def test_backup_and_restore_reproduce_everything(
    alice: User, tmp_path: Path, settings
) -> None:
    load_demo(alice)
    add_resume(
        alice,
        SimpleUploadedFile("cv.pdf", b"%PDF-1.7 resume"),
        "Research",
        dt.date(2026, 11, 1),
    )
    first, second = Person.objects.filter(owner=alice)[:2]
    duplicates.keep_apart(first, second)
    before = snapshot(alice)
    assert before["distinct_pairs"] and before["resumes"]
    target = tmp_path / "backup.zip"
    held = backup.backup(target)
    assert target.stat().st_mode & 0o777 == 0o600  # every account in it: private
    assert held["files"] == 1
    with pytest.raises(BackupError, match="not empty"):
        restore.restore(target)
    resume_path = Path(ResumeVersion.objects.get().file.path)
    Person.objects.all().delete()
    User.objects.all().delete()
    resume_path.unlink()
    restore.restore(target)
    restored = User.objects.get(username="alice")
    assert snapshot(restored) == before
    assert (
        Path(ResumeVersion.objects.get().file.path).read_bytes() == b"%PDF-1.7 resume"
    )
    restore.restore(target, force=True)  # into a database that has data: replaced
    assert snapshot(User.objects.get(username="alice")) == before


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path, db: None) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(BackupError, match="not a readable zip"):
        restore.restore(junk)


def test_a_merge_that_would_close_a_circle_drops_that_introduction(
    alice_client, alice: User
) -> None:
    # Sam introduced Lee, and Lee introduced "Sam O." (the same Sam, not yet known):
    # merging the two would have Sam on the chain that led to Sam.
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    sam = services.create_person(alice, "Sam Okafor", introduced_by=dana)
    lee = services.create_person(alice, "Lee", introduced_by=sam)
    twin = services.create_person(alice, "Sam O.", introduced_by=lee)
    response = alice_client.post(
        "/people/duplicates/merge/",
        {"keep": sam.pk, "other": twin.pk},
        follow=True,
    )
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert set(
        Introduction.objects.values_list("introducer__name", "person__name")
    ) == {
        ("Dana", "Sam Okafor"),
        ("Sam Okafor", "Lee"),
    }
    assert "Lee introduced Sam Okafor: dropped" in response.content.decode()
    assert Person.objects.get(pk=lee.pk).degree == 3


def test_likely_duplicates_are_found_and_can_be_kept_apart(alice: User) -> None:
    a = services.create_person(alice, "Dana Reyes", organization="Lincoln High")
    b = services.create_person(alice, "dana  reyes", organization="Lincoln High School")
    services.create_person(alice, "Dana Reyes", organization="Nike")  # elsewhere: no
    c = services.create_person(alice, "Reyes Dana")
    pairs = {(x.first.pk, x.second.pk) for x in duplicates.likely_duplicates(alice)}
    assert (a.pk, c.pk) in pairs and (b.pk, c.pk) in pairs
    duplicates.keep_apart(c, a)
    pairs = {(x.first.pk, x.second.pk) for x in duplicates.likely_duplicates(alice)}
    assert (a.pk, c.pk) not in pairs


def test_merge_moves_everything_to_the_survivor(alice: User) -> None:
    main = services.create_person(alice, "Dana", is_main_contact=True)
    sam = services.create_person(
        alice, "Sam Okafor", introduced_by=main, emails=["s@a.example"]
    )
    twin = services.create_person(
        alice,
        "Sam O.",
        emails=["sam@b.example"],
        phones=["503 555 0100"],
        title="Researcher",
    )
    nina = services.create_person(alice, "Nina", introduced_by=twin)
    meeting = create_meeting(twin, timezone.now())
    log_attempt(twin, "no_answer")
    merged = duplicates.merge(sam, twin)
    survivor = merged.person
    assert merged.dropped == []
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert Meeting.objects.get().person == survivor and meeting.pk
    assert set(Attempt.objects.values_list("person_id", flat=True)) == {survivor.pk}
    assert set(FollowUp.objects.values_list("person_id", flat=True)) == {survivor.pk}
    assert Introduction.objects.get(person=nina).introducer == survivor
    nina.refresh_from_db()
    assert nina.degree == 3
    assert sorted(survivor.emails.values_list("address", flat=True)) == [
        "s@a.example",
        "sam@b.example",
    ]
    assert survivor.title == "Researcher" and survivor.phones.count() == 1
    assert not CallListEntry.objects.exists()


def rows_pointing_at(pk: int) -> dict[str, set[int]]:
    """For every relation to Person (found in its _meta), the rows that point at
    person `pk`."""
    rows = {}
    for rel in Person._meta.get_fields(include_hidden=True):
        if not isinstance(rel, ForeignObjectRel):
            continue
        model = rel.related_model
        assert not isinstance(model, str)
        if model._meta.auto_created:  # a many-to-many's table: seen from its model
            continue
        key = f"{model._meta.label}.{rel.field.name}"
        rows[key] = set(
            model._default_manager.filter(**{rel.field.name: pk}).values_list(
                "pk", flat=True
            )
        )
    return rows


def test_a_merge_leaves_no_row_behind_but_those_a_rule_drops(alice: User) -> None:
    build_full_account(alice)
    survivor = services.create_person(alice, "D. Reyes", emails=["dana@acme.example"])
    exercised = set()
    # Between them, Dana and Sam have a row in every relation to Person.
    for name in ("Sam Okafor", "Dana Reyes"):
        other = Person.objects.get(owner=alice, name=name)
        gone = other.pk  # merge() deletes `other`, and its pk becomes None
        before = rows_pointing_at(gone)
        addresses = {e.lower() for e in other.emails.values_list("address", flat=True)}
        lists = set(other.call_list_entries.values_list("call_list_id", flat=True))
        tags = set(other.tags.all())
        duplicates.merge(survivor, other)
        after = rows_pointing_at(survivor.pk)
        for key, pks in before.items():
            exercised |= {key} if pks else set()
            if key not in duplicates.SPECIAL:
                assert pks <= after[key], f"{key}: rows were not moved"
        assert not any(rows_pointing_at(gone).values())
        assert addresses <= {
            e.lower() for e in survivor.emails.values_list("address", flat=True)
        }
        assert lists <= set(
            survivor.call_list_entries.values_list("call_list_id", flat=True)
        )
        assert tags <= set(survivor.tags.all())
    survivor.refresh_from_db()
    # Filled from whoever had it first: Sam was unmarked as a fan by hand.
    assert survivor.fan_override is False and survivor.responsiveness == "booster"
    assert survivor.organization is not None and survivor.is_main_contact
    lee = Person.objects.get(owner=alice, name="Lee Park")
    assert DistinctPair.objects.filter(owner=alice).count() == 1
    assert {lee.pk, survivor.pk} == set(
        DistinctPair.objects.values_list("first_id", "second_id").get()
    )
    missing = set(rows_pointing_at(survivor.pk)) - exercised
    assert not missing, f"give full_account rows of {missing} for Dana or Sam"
