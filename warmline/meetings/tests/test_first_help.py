"""Stored dates follow every change: when someone first helped, when someone joined.

Every database test also checks, on teardown, that recomputing them changes nothing
(warmline/conftest.py); these pin the dates themselves through each path that moves
them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from warmline.accounts.models import User
from warmline.exchange import backup, backup_format, duplicates, restore
from warmline.meetings.models import JobLead, Meeting
from warmline.meetings.outcomes import LeadMention, OutcomeData, log_outcome
from warmline.meetings.services import update_meeting
from warmline.people import dates, services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
NOV = {day: dt.date(2026, 11, day) for day in range(1, 31)}


def helped_on(person: Person) -> dt.date | None:
    return Person.objects.get(pk=person.pk).first_helped_on


def joined_on(person: Person) -> dt.date | None:
    return Person.objects.get(pk=person.pk).joined_on


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_a_referral_dates_the_help_and_taking_it_back_undoes_it(
    alice: User, dana: Person
) -> None:
    assert helped_on(dana) is None
    lee = services.create_person(alice, "Lee", introduced_by=dana, introduced_on=NOV[3])
    assert helped_on(dana) == NOV[3]
    assert joined_on(lee) == NOV[3]
    services.add_introduction(
        dana, services.create_person(alice, "Kim"), introduced_on=NOV[1]
    )
    assert helped_on(dana) == NOV[1]  # the earliest referral
    services.delete_person(Person.objects.get(name="Kim"))
    assert helped_on(dana) == NOV[3]
    services.remove_introduction(lee.introductions_received.get())
    assert helped_on(dana) is None
    assert joined_on(lee) == timezone.localdate()  # back to the day Lee was added


def test_changing_who_introduced_someone_moves_the_help(
    alice: User, dana: Person, sam: Person
) -> None:
    lee = services.create_person(alice, "Lee", is_main_contact=True)
    services.set_introducers(sam, [lee])
    assert helped_on(dana) is None
    assert helped_on(lee) == timezone.localdate()


def test_information_in_a_meeting_is_dated_by_the_meeting_and_moves_with_it(
    alice: User, meeting: Meeting, sam: Person
) -> None:
    log_outcome(meeting, OutcomeData(learned_field="Labs hire in spring"))
    assert helped_on(sam) == NOV[20]
    update_meeting(meeting, at=at(NOV[12]))
    assert helped_on(sam) == NOV[12]
    lee = services.create_person(alice, "Lee")
    update_meeting(meeting, person=lee)  # logged against the wrong person: moved
    assert (helped_on(sam), helped_on(lee)) == (None, NOV[12])


def test_a_meeting_without_help_dates_nothing(meeting: Meeting, sam: Person) -> None:
    log_outcome(meeting, OutcomeData(notes="Pleasant, nothing more"))
    assert helped_on(sam) is None


def test_editing_a_leads_date_redates_the_help(
    alice_client: Client, meeting: Meeting, sam: Person
) -> None:
    log_outcome(meeting, OutcomeData(leads=[LeadMention("Lab technician")]))
    lead = JobLead.objects.get()
    assert helped_on(sam) == NOV[20]
    response = alice_client.post(
        reverse("meetings:lead_edit", args=[lead.pk]),
        {"role": "Lab technician", "status": lead.status, "heard_on": "2026-11-02"},
    )
    assert response.status_code == 302
    assert helped_on(sam) == NOV[2]


def test_saving_an_old_copy_of_a_person_keeps_what_was_derived(
    alice: User, dana: Person
) -> None:
    stale = Person.objects.get(pk=dana.pk)  # read before Dana gave a referral
    services.create_person(alice, "Lee", introduced_by=dana, introduced_on=NOV[3])
    services.update_person(stale, title="Teacher")
    fresh = Person.objects.get(pk=dana.pk)
    assert (fresh.title, fresh.first_helped_on) == ("Teacher", NOV[3])


def test_merging_keeps_the_help_of_both(
    alice: User, meeting: Meeting, sam: Person
) -> None:
    log_outcome(meeting, OutcomeData(leads=[LeadMention("Lab technician")]))
    twin = services.create_person(alice, "Sam O.")
    services.create_person(alice, "Ray", introduced_by=twin, introduced_on=NOV[5])
    duplicates.merge(twin, sam)
    assert helped_on(twin) == NOV[5]  # Ray's introduction, before Sam's lead


def test_a_connection_date_is_when_an_imported_contact_joined(alice: User) -> None:
    person = services.create_person(alice, "Imported", connected_on=NOV[2])
    assert joined_on(person) == NOV[2]
    services.update_person(person, connected_on=NOV[4])
    assert joined_on(person) == NOV[4]


def test_restoring_a_backup_from_before_the_dates_fills_them(
    alice: User, dana: Person, sam: Person, tmp_path: Path
) -> None:
    target = tmp_path / "backup.zip"
    backup.backup(target)
    older = tmp_path / "older.zip"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(older, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            if name == backup_format.DATA:
                rows = json.loads(data)
                for row in rows:
                    if row["model"] == "people.person":
                        del row["fields"]["joined_on"], row["fields"]["first_helped_on"]
                data = json.dumps(rows).encode()
            copy.writestr(name, data)
    restore.restore(older, force=True)
    assert helped_on(dana) == timezone.localdate()
    assert joined_on(sam) == timezone.localdate()


def test_the_migration_dates_people_already_there(
    alice: User, meeting: Meeting, sam: Person, dana: Person
) -> None:
    log_outcome(meeting, OutcomeData(resume_feedback="Lead with the lab work"))
    Person.objects.update(joined_on=None, first_helped_on=None)
    migration = importlib.import_module(
        "warmline.people.migrations.0006_add_join_and_first_help_dates"
    )
    migration.date_existing_people(apps, None)
    assert helped_on(sam) == NOV[20]
    assert helped_on(dana) == joined_on(sam) == timezone.localdate()
    assert joined_on(dana) == timezone.localdate()


def test_many_people_touched_at_once_refresh_the_whole_network(
    alice: User, dana: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dates, "WHOLE_NETWORK_ABOVE", 1)
    lee = services.create_person(alice, "Lee", introduced_by=dana, introduced_on=NOV[3])
    assert (helped_on(dana), joined_on(lee)) == (NOV[3], NOV[3])
