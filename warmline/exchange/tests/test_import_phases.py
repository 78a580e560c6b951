"""An import is planned by reading alone and written in one short transaction: what
the owner changes in between is seen (the plan is made again), and a preview is the
plan's own counts."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.exchange.rows import ImportRow
from warmline.people import services
from warmline.people.models import EmailAddress, Person

pytestmark = pytest.mark.django_db


def rows_then(last: ImportRow, many: int = 1000) -> list[ImportRow]:
    """`many` rows of new people (so planning reports progress), then `last`."""
    return [ImportRow(line=n, name=f"Person {n}") for n in range(1, many + 1)] + [last]


def test_someone_added_while_the_file_is_planned_is_matched_not_doubled(
    alice: User,
) -> None:
    dana = ImportRow(line=1001, name="Dana Reyes", emails=[("dana@x.example", "")])
    dana.title = "Teacher"

    def meanwhile(done: int) -> None:
        if not Person.objects.filter(name="Dana R.").exists():
            services.create_person(alice, "Dana R.", emails=["dana@x.example"])

    result = import_rows(alice, rows_then(dana), source="csv", progress=meanwhile)
    assert (result.created, result.updated) == (1000, 1)
    assert Person.objects.get(emails__address="dana@x.example").title == "Teacher"
    assert Person.objects.count() == 1001


def test_someone_removed_while_the_file_is_planned_is_added_again(
    alice: User,
) -> None:
    kept = services.create_person(alice, "Sam Okafor", emails=["sam@x.example"])
    sam = ImportRow(line=1001, name="Sam Okafor", emails=[("sam@x.example", "")])
    sam.phones = [("+1 503 555 0100", "")]

    def meanwhile(done: int) -> None:
        if Person.objects.filter(pk=kept.pk).exists():
            services.delete_person(kept)

    result = import_rows(alice, rows_then(sam), source="csv", progress=meanwhile)
    assert (result.created, result.updated) == (1001, 0)
    again = Person.objects.get(name="Sam Okafor")
    assert again.pk != kept.pk
    assert list(again.phones.values_list("number", flat=True)) == ["+15035550100"]


def test_a_preview_counts_what_the_import_then_does(alice: User) -> None:
    services.create_person(alice, "Dana Reyes", emails=["dana@x.example"])
    services.create_person(alice, "Sam Okafor", emails=["sam@x.example"])
    data = (
        b"Name,Email,Title\n"
        b"Dana Reyes,dana@x.example,Teacher\n"  # gains a title
        b"Sam Okafor,sam@x.example,\n"  # unchanged
        b"Ana Lima,ana@x.example,\n"  # new
        b"Ana Lima,ANA@x.example,Nurse\n"  # repeated
    )
    rows = read(
        "csv", data, "f.csv", {"name": "Name", "email": "Email", "title": "Title"}
    )
    preview = import_rows(alice, rows, source="csv", tag="t", dry_run=True)
    assert Person.objects.count() == 2 and EmailAddress.objects.count() == 2
    done = import_rows(alice, rows, source="csv", tag="t")
    assert preview == done
    assert (done.created, done.updated, done.unchanged, done.repeated) == (1, 1, 1, 1)
    assert Person.objects.get(name="Ana Lima").title == "Nurse"
    assert Person.objects.filter(tags__name="t").count() == 3
