"""Logging what a meeting gave, in one transaction.

Notes, feedback and information; new names (each a person introduced by the one met,
with a follow-up to reach them); career paths; job leads; whether they are now a fan.
Saving marks the meeting held and adds a thank-you follow-up. Anything wrong raises
OutcomeError and nothing at all is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from warmline.core.dates import moment
from warmline.core.parsing import whole_number
from warmline.meetings.models import CareerPath, JobLead, Meeting, Outcome
from warmline.outreach.models import FollowUp
from warmline.outreach.services import add_follow_up, add_names_from_meeting, touch
from warmline.people import derived
from warmline.people import services as people
from warmline.people.likeness import same_person_candidates
from warmline.people.models import Person, Source
from warmline.people.services import set_fan

THANK_YOU_AFTER = dt.timedelta(days=1)
REACH_OUT_AFTER = dt.timedelta(days=2)


@dataclass
class Referral:
    """A name given in the meeting. `match`: "" (not decided), "new", or a person id."""

    name: str
    organization: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    match: str = ""


@dataclass
class PathSuggestion:
    title: str = ""
    existing_id: int | None = None


@dataclass
class LeadMention:
    role: str
    organization: str = ""
    link: str = ""


@dataclass
class OutcomeData:
    notes: str = ""
    resume_feedback: str = ""
    learned_company: str = ""
    learned_field: str = ""
    learned_work: str = ""
    felt: int | None = None
    is_fan: bool | None = None  # None: leave fan status as it is
    referrals: list[Referral] = field(default_factory=list)
    paths: list[PathSuggestion] = field(default_factory=list)
    leads: list[LeadMention] = field(default_factory=list)


@dataclass
class OutcomeError(Exception):
    """What stopped the outcome being saved: messages by referral row, and general."""

    referrals: dict[int, str] = field(default_factory=dict)
    candidates: dict[int, list[Person]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)


@dataclass
class Logged:
    outcome: Outcome
    new_people: list[Person]
    linked_people: list[Person]
    follow_ups: list[FollowUp]


def possible_duplicates(owner_id: int, referral: Referral) -> list[Person]:
    """People in the network who may be this name: same email, or a close name."""
    return same_person_candidates(owner_id, referral.name, email=referral.email)


def not_yet_message(meeting: Meeting) -> str:
    when = moment(meeting.at)
    return (
        f"The meeting with {meeting.person.name} is on {when}: log what it gave "
        "once it has happened."
    )


@transaction.atomic
def log_outcome(
    meeting: Meeting, data: OutcomeData, today: dt.date | None = None
) -> Logged:
    """Save everything the meeting gave, or nothing (OutcomeError, ValidationError)."""
    if not meeting.has_begun:
        raise OutcomeError(general=[not_yet_message(meeting)])
    today = today or timezone.localdate()
    met = meeting.person
    outcome, _ = Outcome.objects.get_or_create(meeting=meeting)
    for name in (
        "notes",
        "resume_feedback",
        "learned_company",
        "learned_field",
        "learned_work",
        "felt",
    ):
        setattr(outcome, name, getattr(data, name))
    if data.felt is not None and not 1 <= data.felt <= 5:
        raise OutcomeError(general=["How it felt is a number from 1 to 5."])
    outcome.save()

    new_people, linked, follow_ups = _add_referrals(meeting, data.referrals, today)
    _add_paths(meeting, data.paths)
    _add_leads(meeting, data.leads, today)

    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    derived.changed(
        meeting.owner_id, touched=[met.pk]
    )  # before set_fan compares with it
    touch(met, meeting.at)
    if not FollowUp.objects.filter(
        meeting=meeting, kind=FollowUp.Kind.THANK_YOU
    ).exists():
        follow_ups.append(
            add_follow_up(
                met,
                FollowUp.Kind.THANK_YOU,
                f"Thank {met.name} for the meeting",
                today + THANK_YOU_AFTER,
                meeting_id=meeting.pk,
            )
        )
    if data.is_fan is not None:
        set_fan(met, data.is_fan)
    add_names_from_meeting(meeting.owner, [*new_people, *linked])
    return Logged(outcome, new_people, linked, follow_ups)


def _add_referrals(
    meeting: Meeting, referrals: list[Referral], today: dt.date
) -> tuple[list[Person], list[Person], list[FollowUp]]:
    met = meeting.person
    error = OutcomeError()
    new_people: list[Person] = []
    linked: list[Person] = []
    follow_ups: list[FollowUp] = []
    for index, referral in enumerate(referrals):
        try:
            person = _referred_person(meeting, referral, index, error)
        except ValidationError as invalid:
            error.referrals[index] = " ".join(invalid.messages)
            continue
        if person is None:
            continue
        (new_people if referral.match in ("", "new") else linked).append(person)
        follow_ups.append(
            add_follow_up(
                person,
                FollowUp.Kind.REACH_OUT,
                f"Reach out to {person.name} (introduced by {met.name})",
                today + REACH_OUT_AFTER,
                meeting_id=meeting.pk,
            )
        )
    if error.referrals or error.candidates:
        raise error
    return new_people, linked, follow_ups


def _referred_person(
    meeting: Meeting, referral: Referral, index: int, error: OutcomeError
) -> Person | None:
    met = meeting.person
    if (match := whole_number(referral.match)) is not None:
        person = Person.objects.filter(owner_id=met.owner_id, pk=match).first()
        if person is None:
            raise ValidationError("That person is no longer in your network.")
        if not person.introductions_received.filter(introducer=met).exists():
            people.add_introduction(
                met,
                person,
                introduced_on=timezone.localdate(meeting.at),
                meeting_id=meeting.pk,
            )
        return person
    if referral.match != "new":
        candidates = possible_duplicates(met.owner_id, referral)
        if candidates:
            error.candidates[index] = candidates
            return None
    person = people.create_person(
        met.owner,
        referral.name,
        organization=referral.organization,
        title=referral.title,
        emails=[referral.email] if referral.email else [],
        phones=[referral.phone] if referral.phone else [],
        source=Source.MEETING,
        introduced_by=met,
        introduced_on=timezone.localdate(meeting.at),
        meeting_id=meeting.pk,
    )
    return person


def _add_paths(meeting: Meeting, suggestions: list[PathSuggestion]) -> None:
    for suggestion in suggestions:
        if suggestion.existing_id:
            path = CareerPath.objects.get(
                owner_id=meeting.owner_id, pk=suggestion.existing_id
            )
        elif suggestion.title.strip():
            path, _ = CareerPath.objects.get_or_create(
                owner_id=meeting.owner_id,
                title__iexact=suggestion.title.strip(),
                defaults={"title": suggestion.title.strip()},
            )
        else:
            continue
        path.meetings.add(meeting)
        path.people.add(meeting.person)


def _add_leads(meeting: Meeting, mentions: list[LeadMention], today: dt.date) -> None:
    owner = meeting.person.owner
    for mention in mentions:
        if not mention.role.strip():
            continue
        JobLead.objects.create(
            owner=owner,
            role=mention.role.strip(),
            link=mention.link,
            organization=people.get_or_create_organization(owner, mention.organization),
            person=meeting.person,
            meeting=meeting,
            heard_on=timezone.localdate(meeting.at),
        )
