"""An account with a row of every model and a value other than the default in every
field, so that a round trip through an export shows whatever it would lose.

`test_schema` checks that this stays true: add a model or a field, and it fails until
the new one is filled in here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings

from warmline.accounts import sharing
from warmline.accounts.models import Role, User
from warmline.coaching import services as coaching
from warmline.exchange.models import DistinctPair
from warmline.journal.models import JournalEntry, ReportSent
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    MeetingQuestion,
    Outcome,
    Question,
    ResumeVersion,
)
from warmline.outreach.models import (
    Attempt,
    CallList,
    CallListEntry,
    CallSession,
    FollowUp,
    MessageTemplate,
    Outreach,
)
from warmline.people import derived
from warmline.people.models import (
    EmailAddress,
    Introduction,
    Organization,
    Person,
    PhoneNumber,
    Tag,
)

RESUME_FILE = "resumes/2026/03/cv.pdf"  # written to MEDIA_ROOT: backups carry it


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, 30, 15, 250000, tzinfo=dt.UTC)


def build_full_account(owner: User) -> None:
    """Fill `owner`'s account with one or more rows of every model, fields set."""
    owner.first_name, owner.last_name = "Alice", "Moreau"
    owner.two_minute_story = "Teacher moving into UX research."
    owner.why_this_field = "I like finding out why people do what they do."
    owner.goal_calls, owner.goal_meetings, owner.goal_names = 20, 4, 8
    owner.time_zone = "America/Los_Angeles"
    owner.feed_has_reports = True
    owner.report_email = "me@example.org"
    owner.save()
    acme = Organization.objects.create(
        owner=owner,
        name="Acme Health",
        website="https://acme.example",
        industry="Health care",
        is_target=True,
        motivation=3,
        postings=2,
        notes="Hiring researchers in spring.",
        is_demo=True,
    )
    Organization.objects.create(owner=owner, name="Lincoln High")
    alumni = Tag.objects.create(
        owner=owner, name="alumni", keep_in_touch_days=45, is_demo=True
    )
    Tag.objects.create(owner=owner, name="health care")
    dana = Person.objects.create(
        owner=owner,
        name="Dana Reyes",
        given_name="Dana",
        family_name="Reyes",
        organization=acme,
        title="Research lead",
        location="Portland",
        linkedin_url="https://www.linkedin.com/in/dana",
        notes="Former colleague.",
        how_we_met="Taught together",
        is_main_contact=True,
        source="linkedin",
        connected_on=dt.date(2019, 5, 1),
        fan_override=True,
        responsiveness="booster",
        keep_in_touch_days=30,
        last_interaction_at=at(3),
        is_demo=True,
    )
    dana.tags.add(alumni)
    sam = Person.objects.create(owner=owner, name="Sam Okafor", fan_override=False)
    lee = Person.objects.create(owner=owner, name="Lee Park", is_private=True)
    EmailAddress.objects.create(person=dana, address="dana@acme.example", label="work")
    PhoneNumber.objects.create(person=dana, number="+15035550101", label="mobile")
    resume_file = Path(settings.MEDIA_ROOT) / RESUME_FILE
    resume_file.parent.mkdir(parents=True, exist_ok=True)
    resume_file.write_bytes(b"%PDF-1.7 the one with the case study")
    resume = ResumeVersion.objects.create(
        owner=owner,
        label="Research",
        file=RESUME_FILE,
        original_name="cv.pdf",
        size=2048,
        dated=dt.date(2026, 2, 20),
        notes="The one with the case study.",
    )
    Question.objects.create(
        owner=owner, text="What trends do you see?", category="trends"
    )
    asked = Question.objects.create(
        owner=owner, text="Who else should I talk to?", category="names", position=1
    )
    meeting = Meeting.objects.create(
        owner=owner,
        person=dana,
        at=at(5),
        duration_minutes=45,
        place="Coffee on Alberta",
        mode="video",
        kind="coffee",
        status="held",
        is_pure=False,
        is_private=True,
        goals="Learn how the team hires.",
        research_notes="Read their blog.",
        why_organization="They build tools for nurses.",
        resume=resume,
    )
    MeetingQuestion.objects.create(meeting=meeting, text="Trends?")
    MeetingQuestion.objects.create(
        meeting=meeting, question=asked, text=asked.text, position=1
    )
    Outcome.objects.create(
        meeting=meeting,
        notes="Warm and useful.",
        resume_feedback="Lead with the study.",
        learned_company="Two teams.",
        learned_field="Mixed methods rule.",
        learned_work="Lots of synthesis.",
        felt=5,
    )
    Introduction.objects.create(
        owner=owner,
        introducer=dana,
        person=sam,
        introduced_on=dt.date(2026, 3, 5),
        note="Ask him about the nurses' study.",
        meeting=meeting,
    )
    Introduction.objects.create(owner=owner, introducer=sam, person=lee)
    path = CareerPath.objects.create(
        owner=owner,
        title="UX research in health care",
        description="Research for clinical tools.",
        status="exploring",
        next_step="Take the course.",
        is_demo=True,
    )
    path.people.add(dana, sam)
    path.meetings.add(meeting)
    JobLead.objects.create(
        owner=owner,
        role="UX researcher",
        organization=acme,
        link="https://acme.example/jobs/1",
        status="applied",
        person=dana,
        meeting=meeting,
        heard_on=dt.date(2026, 3, 5),
        notes="Opens in April.",
        is_demo=True,
    )
    calls = CallList.objects.create(
        owner=owner,
        name="Spring calls",
        purpose="Reach the people Dana named.",
        next_sitting_on=dt.date(2026, 3, 10),
        is_demo=True,
    )
    CallListEntry.objects.create(call_list=calls, person=sam, done_at=at(6))
    CallListEntry.objects.create(call_list=calls, person=lee, position=1)
    session = CallSession.objects.create(
        owner=owner,
        call_list=calls,
        started_at=at(6),
        ended_at=at(6, 10),
        queue=[sam.pk, lee.pk],
    )
    outreach = Outreach.objects.create(
        owner=owner,
        person=sam,
        started_at=at(6),
        give_up_on=dt.date(2026, 3, 20),
        status="replied",
        replied_at=at(7),
    )
    Attempt.objects.create(
        owner=owner,
        person=sam,
        session=session,
        outreach=outreach,
        at=at(6),
        channel="email",
        outcome="replied",
        notes="He wrote back the next day.",
        meeting=meeting,
    )
    FollowUp.objects.create(
        owner=owner,
        person=sam,
        kind="thank_you",
        title="Thank Sam",
        due=dt.date(2026, 3, 9),
        status="done",
        meeting=meeting,
        outreach=outreach,
        notes="A card, not an email.",
        done_at=at(9),
    )
    MessageTemplate.objects.create(owner=owner, name="First", body="Hi {first_name}")
    MessageTemplate.objects.create(
        owner=owner,
        name="Referred",
        subject="{introducer} suggested I write",
        body="Hi {first_name}, {introducer} said you know the field.",
        position=1,
    )
    DistinctPair.objects.create(owner=owner, first=dana, second=sam)
    DistinctPair.objects.create(owner=owner, first=sam, second=lee)
    entry = JournalEntry.objects.create(
        owner=owner,
        title="What Sam said",
        body="Ask about *research* roles.",
        day=dt.date(2026, 3, 8),
        is_shared=True,
    )
    JournalEntry.objects.filter(pk=entry.pk).update(created_at=at(8), updated_at=at(9))
    entry.tags.set([alumni])
    entry.people.set([sam])
    entry.meetings.set([meeting])
    JournalEntry.objects.create(
        owner=owner, title="A slow week", day=dt.date(2026, 3, 13)
    )
    ReportSent.objects.create(owner=owner, week=dt.date(2026, 3, 2), sent_at=at(9, 7))
    derived.network_changed(owner.pk)
    _share_with_a_coach(owner)


def _share_with_a_coach(owner: User) -> None:
    """A coach follows the search and comments; the coach has a group; an invitation
    is still open. (Not in a per-account export: schema.NOT_EXPORTED.)"""
    coach = User.objects.create_user(f"{owner.username}-coach", first_name="Pat")
    sharing.accept(coach, sharing.invite(owner, Role.COACH)[1])
    sharing.invite(owner, Role.PARTNER)
    coaching.add_comment(coach, owner, dt.date(2026, 3, 2), "Two meetings: good.")
    group = coaching.create_group(coach, "Tuesday team")
    coaching.set_group_seekers(group, [owner.pk])
