"""Reading a JSON export back into an empty account: the same data, new ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from warmline.accounts.models import User
from warmline.exchange.exports import FORMAT_VERSION
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    MeetingQuestion,
    Outcome,
    Question,
)
from warmline.outreach.models import (
    Attempt,
    CallList,
    CallListEntry,
    FollowUp,
    MessageTemplate,
)
from warmline.people import derived
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
)
from warmline.people.services import set_tags


def _date(value: str | None) -> Any:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> Any:
    return dt.datetime.fromisoformat(value) if value else None


@transaction.atomic
def import_everything(owner: User, data: dict[str, Any]) -> int:
    """Recreate a JSON export for `owner`, whose network must be empty."""
    if data.get("format") != "warmline-export" or data.get("version") != FORMAT_VERSION:
        raise ValidationError(f"Not a Warmline export of version {FORMAT_VERSION}.")
    if Person.objects.filter(owner=owner).exists():
        raise ValidationError(
            "This account already has people; import into an empty one."
        )
    # An empty account has only what every account starts with (the question bank,
    # message templates): the file's own replace them.
    Question.objects.filter(owner=owner).delete()
    MessageTemplate.objects.filter(owner=owner).delete()
    orgs = {
        o["id"]: Organization.objects.create(
            owner=owner,
            name=o["name"],
            website=o["website"],
            industry=o["industry"],
            is_target=o["is_target"],
            notes=o["notes"],
        ).pk
        for o in data["organizations"]
    }
    people: dict[int, Person] = {}
    for p in data["people"]:
        person = Person.objects.create(
            owner=owner,
            name=p["name"],
            organization_id=orgs.get(p["organization_id"]),
            title=p["title"],
            location=p["location"],
            linkedin_url=p["linkedin_url"],
            notes=p["notes"],
            how_we_met=p["how_we_met"],
            is_main_contact=p["is_main_contact"],
            fan_override=p["fan_override"],
            keep_in_touch_days=p["keep_in_touch_days"],
            source=p["source"],
            connected_on=_date(p["connected_on"]),
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(person=person, **e) for e in p["emails"]
        )
        PhoneNumber.objects.bulk_create(
            PhoneNumber(person=person, **n) for n in p["phones"]
        )
        set_tags(person, p["tags"])
        people[p["id"]] = person
    meetings: dict[int, Meeting] = {}
    for m in data["meetings"]:
        meeting = Meeting.objects.create(
            owner=owner,
            person=people[m["person_id"]],
            at=_datetime(m["at"]),
            duration_minutes=m["duration_minutes"],
            place=m["place"],
            mode=m["mode"],
            kind=m["kind"],
            status=m["status"],
            is_pure=m["is_pure"],
            goals=m["goals"],
            research_notes=m["research_notes"],
            why_organization=m["why_organization"],
        )
        MeetingQuestion.objects.bulk_create(
            MeetingQuestion(meeting=meeting, text=text, position=i)
            for i, text in enumerate(m["questions"])
        )
        if m["outcome"]:
            Outcome.objects.create(meeting=meeting, **m["outcome"])
        meetings[m["id"]] = meeting
    for i in data["introductions"]:
        Introduction.objects.create(
            owner=owner,
            introducer=people[i["introducer_id"]],
            person=people[i["person_id"]],
            introduced_on=_date(i["introduced_on"]),
            note=i["note"],
            meeting=meetings.get(i["meeting_id"]),
        )
    for c in data["career_paths"]:
        path = CareerPath.objects.create(
            owner=owner,
            title=c["title"],
            status=c["status"],
            description=c["description"],
            next_step=c["next_step"],
        )
        path.people.set([people[pk] for pk in c["people"]])
        path.meetings.set([meetings[pk] for pk in c["meetings"]])
    for j in data["job_leads"]:
        JobLead.objects.create(
            owner=owner,
            role=j["role"],
            organization_id=orgs.get(j["organization_id"]),
            link=j["link"],
            status=j["status"],
            person=people.get(j["person_id"]),
            meeting=meetings.get(j["meeting_id"]),
            heard_on=_date(j["heard_on"]),
            notes=j["notes"],
        )
    for c in data["call_lists"]:
        call_list = CallList.objects.create(
            owner=owner,
            name=c["name"],
            purpose=c["purpose"],
            next_sitting_on=_date(c["next_sitting_on"]),
        )
        CallListEntry.objects.bulk_create(
            CallListEntry(
                call_list=call_list,
                person=people[e["person_id"]],
                position=i,
                done_at=_datetime(e["done_at"]),
            )
            for i, e in enumerate(c["entries"])
        )
    Attempt.objects.bulk_create(
        Attempt(
            owner=owner,
            person=people[a["person_id"]],
            at=_datetime(a["at"]),
            channel=a["channel"],
            outcome=a["outcome"],
            notes=a["notes"],
            meeting=meetings.get(a["meeting_id"]),
        )
        for a in data["attempts"]
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            owner=owner,
            person=people[f["person_id"]],
            kind=f["kind"],
            title=f["title"],
            due=_date(f["due"]),
            status=f["status"],
            notes=f["notes"],
            meeting=meetings.get(f["meeting_id"]),
        )
        for f in data["follow_ups"]
    )
    Question.objects.bulk_create(
        Question(owner=owner, position=i, **q) for i, q in enumerate(data["questions"])
    )
    MessageTemplate.objects.bulk_create(
        MessageTemplate(owner=owner, position=i, **t)
        for i, t in enumerate(data["message_templates"])
    )
    derived.network_changed(owner.pk)
    return len(people)
