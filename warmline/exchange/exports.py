"""Taking data out: people as CSV and vCard 4.0, and everything as versioned JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

import vobject
from django.utils import timezone

from warmline import __version__
from warmline.accounts.models import User
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    Question,
    ResumeVersion,
)
from warmline.outreach.models import Attempt, CallList, FollowUp, MessageTemplate
from warmline.people.models import Introduction, Organization, Person
from warmline.people.queries import people_as_dicts

FORMAT_VERSION = 1
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = [
    "id",
    "name",
    "organization",
    "title",
    "emails",
    "phones",
    "linkedin_url",
    "location",
    "tags",
    "is_main_contact",
    "degree",
    "introduced_by",
    "is_fan",
    "referrals_given",
    "source",
    "notes",
]


def neutralise(value: Any) -> str:
    """Text a spreadsheet shows as typed: a leading ' stops formula injection."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def people_csv(owner: User) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in people_as_dicts(
        Person.objects.filter(owner=owner).order_by("name", "id")
    ):
        row = {
            **row,
            "emails": "; ".join(row["emails"]),
            "phones": "; ".join(row["phones"]),
            "tags": "; ".join(row["tags"]),
        }
        writer.writerow([neutralise(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def people_vcards(owner: User) -> str:
    """One vCard 4.0 per person, readable by vobject and address books alike."""
    cards = []
    people = Person.objects.filter(owner=owner).select_related("organization")
    for person in people.prefetch_related("emails", "phones").order_by("name", "id"):
        card = vobject.vCard()
        card.add("version").value = "4.0"
        card.add("fn").value = person.name
        given, _, family = person.name.rpartition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        card.add("uid").value = f"urn:warmline:person:{person.pk}"
        for email in person.emails.all():
            prop = card.add("email")
            prop.value = email.address
            if email.label:
                prop.type_param = email.label
        for phone in person.phones.all():
            prop = card.add("tel")
            prop.value = phone.number
            if phone.label:
                prop.type_param = phone.label
        if person.organization:
            card.add("org").value = [person.organization.name]
        if person.title:
            card.add("title").value = person.title
        if person.linkedin_url:
            card.add("url").value = person.linkedin_url
        if person.notes:
            card.add("note").value = person.notes
        cards.append(card.serialize())
    return "".join(cards)


def _rows(queryset: Iterable[Any], fields: list[str]) -> list[dict[str, Any]]:
    return [{f: _plain(getattr(obj, f)) for f in fields} for obj in queryset]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def everything(owner: User) -> dict[str, Any]:
    """All the owner's data, in the shape docs/export-format.md describes."""
    people = Person.objects.filter(owner=owner).prefetch_related(
        "emails", "phones", "tags"
    )
    return {
        "format": "warmline-export",
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": timezone.now().isoformat(),
        "user": {
            "username": owner.username,
            "email": owner.email,
            "first_name": owner.first_name,
            "last_name": owner.last_name,
            "two_minute_story": owner.two_minute_story,
            "why_this_field": owner.why_this_field,
            "goals": {
                "calls": owner.goal_calls,
                "meetings": owner.goal_meetings,
                "names": owner.goal_names,
            },
        },
        "organizations": _rows(
            Organization.objects.filter(owner=owner),
            ["id", "name", "website", "industry", "is_target", "notes"],
        ),
        "people": [
            {
                **_rows(
                    [p],
                    [
                        "id",
                        "name",
                        "organization_id",
                        "title",
                        "location",
                        "linkedin_url",
                        "notes",
                        "how_we_met",
                        "is_main_contact",
                        "fan_override",
                        "keep_in_touch_days",
                        "source",
                        "connected_on",
                        "created_at",
                    ],
                )[0],
                "emails": [
                    {"address": e.address, "label": e.label} for e in p.emails.all()
                ],
                "phones": [
                    {"number": n.number, "label": n.label} for n in p.phones.all()
                ],
                "tags": [t.name for t in p.tags.all()],
            }
            for p in people
        ],
        "introductions": _rows(
            Introduction.objects.filter(owner=owner),
            ["introducer_id", "person_id", "introduced_on", "note", "meeting_id"],
        ),
        "meetings": [
            {
                **_rows(
                    [m],
                    [
                        "id",
                        "person_id",
                        "at",
                        "duration_minutes",
                        "place",
                        "mode",
                        "kind",
                        "status",
                        "is_pure",
                        "goals",
                        "research_notes",
                        "why_organization",
                        "resume_id",
                    ],
                )[0],
                "questions": [q.text for q in m.questions.all()],
                "outcome": _rows(
                    [m.outcome],
                    [
                        "notes",
                        "resume_feedback",
                        "learned_company",
                        "learned_field",
                        "learned_work",
                        "felt",
                    ],
                )[0]
                if hasattr(m, "outcome")
                else None,
            }
            for m in Meeting.objects.filter(owner=owner)
            .select_related("outcome")
            .prefetch_related("questions")
        ],
        "career_paths": [
            {
                **_rows([c], ["title", "description", "status", "next_step"])[0],
                "people": [p.pk for p in c.people.all()],
                "meetings": [m.pk for m in c.meetings.all()],
            }
            for c in CareerPath.objects.filter(owner=owner).prefetch_related(
                "people", "meetings"
            )
        ],
        "job_leads": _rows(
            JobLead.objects.filter(owner=owner),
            [
                "role",
                "organization_id",
                "link",
                "status",
                "person_id",
                "meeting_id",
                "heard_on",
                "notes",
            ],
        ),
        "call_lists": [
            {
                **_rows([c], ["name", "purpose", "next_sitting_on"])[0],
                "entries": [
                    {"person_id": e.person_id, "done_at": _plain(e.done_at)}
                    for e in c.entries.all()
                ],
            }
            for c in CallList.objects.filter(owner=owner).prefetch_related("entries")
        ],
        "attempts": _rows(
            Attempt.objects.filter(owner=owner),
            ["person_id", "at", "channel", "outcome", "notes", "meeting_id"],
        ),
        "follow_ups": _rows(
            FollowUp.objects.filter(owner=owner),
            ["person_id", "kind", "title", "due", "status", "meeting_id", "notes"],
        ),
        "questions": _rows(Question.objects.filter(owner=owner), ["text", "category"]),
        "message_templates": _rows(
            MessageTemplate.objects.filter(owner=owner), ["name", "subject", "body"]
        ),
        "resumes": _rows(
            ResumeVersion.objects.filter(owner=owner),
            ["id", "label", "original_name", "size", "dated"],
        ),
    }
