"""The other resources, each through the service the web uses: what the web would
write, the API writes."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from warmline.accounts.models import User
from warmline.api.tests.conftest import ApiClient, error_of
from warmline.meetings.models import Meeting
from warmline.outreach.models import CallList, FollowUp
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False)
def test_a_meeting_planned_changed_and_its_outcome_logged(
    alice: User, alice_api: ApiClient
) -> None:
    sam = services.create_person(alice, "Sam Okafor", is_main_contact=True)
    early = alice_api.post(
        "meetings", {"person_id": sam.pk, "at": "2026-11-03T10:00:00", "kind": "coffee"}
    )
    assert early.status_code == 201, early.content
    meeting_id = early.json()["id"]
    assert (
        error_of(alice_api.post(f"meetings/{meeting_id}/outcome", {}))["status"] == 422
    )
    moved = alice_api.patch(f"meetings/{meeting_id}", {"at": "2026-11-01T10:00:00"})
    assert moved.json()["at"].startswith("2026-11-01")
    outcome = {
        "notes": "Generous.",
        "referrals": [{"name": "Rae Lin", "organization": "Acme"}],
        "leads": [{"role": "UX researcher", "organization": "Acme"}],
    }
    logged = alice_api.post(f"meetings/{meeting_id}/outcome", outcome)
    assert logged.status_code == 200, logged.content
    rae = Person.objects.get(owner=alice, name="Rae Lin")
    assert logged.json()["new_people"] == [rae.pk]
    assert (rae.degree, alice_api.get(f"people/{rae.pk}").json()["chain"]) == (
        2,
        ["Sam Okafor", "Rae Lin"],
    )
    assert Meeting.objects.get(pk=meeting_id).status == "held"
    kinds = set(FollowUp.objects.filter(owner=alice).values_list("kind", flat=True))
    assert kinds == {"thank_you", "reach_out"}
    assert CallList.objects.get(owner=alice).entries.get().person == rae


def test_an_outcome_naming_someone_already_there_is_a_409_and_writes_nothing(
    alice: User, alice_api: ApiClient
) -> None:
    sam = services.create_person(alice, "Sam", is_main_contact=True)
    services.create_person(alice, "Rae Lin")
    meeting = alice_api.post(
        "meetings", {"person_id": sam.pk, "at": "2026-01-05T10:00:00+00:00"}
    ).json()
    response = alice_api.post(
        f"meetings/{meeting['id']}/outcome", {"referrals": [{"name": "Rae Lin"}]}
    )
    assert response.status_code == 409
    assert error_of(response)["field"] == "referrals.0.match"
    assert Meeting.objects.get(pk=meeting["id"]).status == "planned"
    assert not FollowUp.objects.exists()


def test_an_attempt_starts_the_follow_ups_and_they_can_be_done_or_snoozed(
    alice: User, alice_api: ApiClient
) -> None:
    dana = services.create_person(alice, "Dana")
    attempt = alice_api.post(
        "attempts", {"person_id": dana.pk, "outcome": "call_back", "channel": "phone"}
    )
    assert attempt.status_code == 201, attempt.content
    [follow_up_id] = attempt.json()["follow_ups"]
    listed = alice_api.get("follow-ups").json()
    assert [f["id"] for f in listed] == [follow_up_id]
    snoozed = alice_api.post(f"follow-ups/{follow_up_id}/snooze", {"days": 3})
    assert snoozed.json()["status"] == "snoozed"
    assert alice_api.get("follow-ups", due="true").json() == []
    done = alice_api.post(f"follow-ups/{follow_up_id}/done")
    assert done.json()["status"] == "done"
    assert error_of(alice_api.post(f"follow-ups/{follow_up_id}/done"))["status"] == 422
    bad = alice_api.post("attempts", {"person_id": dana.pk, "outcome": "maybe"})
    assert error_of(bad)["field"] == "outcome"


def test_call_lists_organizations_targets_tags_and_the_report(
    alice: User, alice_api: ApiClient
) -> None:
    dana = services.create_person(alice, "Dana", tags=["alumni"])
    made = alice_api.post("call-lists", {"name": "Monday"})
    assert made.status_code == 201
    list_id = made.json()["id"]
    added = alice_api.post(
        f"call-lists/{list_id}/people", {"person_ids": [dana.pk, dana.pk]}
    )
    assert added.json() == {"added": 1}
    assert alice_api.get(f"call-lists/{list_id}").json()["people"] == [dana.pk]
    assert alice_api.post("call-lists", {"name": "monday"}).status_code == 422
    assert alice_api.delete(f"call-lists/{list_id}").status_code == 204

    org = alice_api.post("organizations", {"name": "Acme Health"}).json()
    assert alice_api.post("organizations", {"name": "ACME health"}).status_code == 422
    renamed = alice_api.patch(f"organizations/{org['id']}", {"industry": "Health"})
    assert renamed.json()["industry"] == "Health"
    target = alice_api.post("targets", {"organization": "Acme Health", "motivation": 3})
    assert target.status_code == 201 and target.json()["id"] == org["id"]
    assert [t["organization"] for t in alice_api.get("targets").json()] == [
        "Acme Health"
    ]
    assert (
        error_of(alice_api.post("targets", {"organization": "X", "motivation": 9}))[
            "field"
        ]
        == "motivation"
    )
    assert alice_api.delete(f"targets/{org['id']}").status_code == 204
    assert alice_api.get("targets").json() == []

    assert alice_api.get("tags").json() == [{"name": "alumni", "people": 1}]
    report = alice_api.get("report", week="2026-W40").json()
    assert report["week"] == "2026-W40" or "2026" in report["week"]
    assert error_of(alice_api.get("report", week="soon"))["field"] == "week"
    assert timezone.now()
