"""The demo network's meetings: held and planned, pure and not, with what came of them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import CareerPath, JobLead, Meeting, Outcome, Question
from warmline.meetings.services import set_questions
from warmline.outreach.models import FollowUp
from warmline.people import derived
from warmline.people.models import Introduction, Organization, Person

M, K, S = Meeting.Mode, Meeting.Kind, Meeting.Status
PATHS = {
    "UX research in health care": CareerPath.Status.PURSUING,
    "Learning experience research (edtech)": CareerPath.Status.EXPLORING,
    "Design research at a product studio": CareerPath.Status.IDEA,
    "Research operations": CareerPath.Status.SET_ASIDE,
}
# person, days from today (negative: past), kind, mode, status, felt, notes,
# resume feedback, learned about the field, names given, paths, leads (role, org, status)
# fmt: off
MEETINGS = [
    ("Luis Ortega", -56, K.COFFEE, M.FACE_TO_FACE, S.HELD, 4, "Walked me through how the data team works with researchers.", "", "Researchers and analysts pair on every study.", ["Sam Okafor", "Ibrahim Musa"], [], []),
    ("Priya Natarajan", -50, K.NETWORK, M.VIDEO, S.HELD, 5, "Generous with time; showed me her studio's research plans.", "Lead with the teaching research projects, not the classroom years.", "Studios hire researchers who can sketch.", ["Elena Petrova", "Olivia Chen"], ["Design research at a product studio"], []),
    ("Dana Reyes", -45, K.COFFEE, M.FACE_TO_FACE, S.HELD, 4, "Dana knows two people in edtech.", "", "", ["Fatima Zahra", "Sofia Rossi"], ["Learning experience research (edtech)"], []),
    ("Sam Okafor", -42, K.NETWORK, M.FACE_TO_FACE, S.HELD, 5, "Sam's team may open a junior role in spring.", "Cut the resume to one page; put methods first.", "Most studies are mixed methods.", ["Victor Huang"], ["UX research in health care"], [("Junior UX Researcher", "Northwind Analytics", JobLead.Status.APPLIED)]),
    ("Aisha Rahman", -40, K.COFFEE, M.FACE_TO_FACE, S.HELD, 4, "Patient experience teams want people who can talk to nurses.", "", "Health systems run research inside digital teams.", ["Diego Santos"], ["UX research in health care"], []),
    ("Olivia Chen", -35, K.NETWORK, M.VIDEO, S.HELD, 4, "Talked about research ops and recruiting participants.", "Add a portfolio link.", "", ["Zoe Campbell"], ["Research operations"], []),
    ("Diego Santos", -28, K.NETWORK, M.PHONE, S.HELD, 3, "Short call; he was busy but kind.", "", "Clinical informatics is adjacent and hiring.", ["Yusuf Ali"], [], [("UX Research Associate", "Providence Health", JobLead.Status.HEARD_OF)]),
    ("Fatima Zahra", -24, K.NETWORK, M.VIDEO, S.HELD, 5, "Learning science and UX research overlap more than I thought.", "", "Edtech research teams are small and generalist.", ["Isabel Flores"], ["Learning experience research (edtech)"], []),
    ("Kevin Liu", -21, K.COFFEE, M.FACE_TO_FACE, S.HELD, 4, "Kevin introduced me to two researchers at Intel.", "", "", ["Mei Tanaka", "Nina Kowalski"], [], []),
    ("Mei Tanaka", -14, K.INTERVIEW, M.VIDEO, S.HELD, 3, "First-round interview for the UX Researcher opening.", "", "", [], [], [("UX Researcher", "Intel", JobLead.Status.INTERVIEWING)]),
    ("Hannah Weiss", -12, K.COFFEE, M.FACE_TO_FACE, S.HELD, 5, "Practised my two-minute story; much tighter now.", "Headline should say where I am going.", "", ["Chris Murphy", "Arjun Mehta"], [], []),
    ("Zoe Campbell", -7, K.NETWORK, M.FACE_TO_FACE, S.HELD, 4, "Toured the research lab at Nike.", "", "Consumer insights teams run big diary studies.", ["Peter Novak", "Leah Goldberg"], [], []),
    ("Monica Alvarez", -5, K.EVENT, M.FACE_TO_FACE, S.CANCELLED, None, "", "", "", [], [], []),
    ("Elena Petrova", 2, K.NETWORK, M.VIDEO, S.PLANNED, None, "", "", "", [], [], []),
    ("Arjun Mehta", 4, K.COFFEE, M.FACE_TO_FACE, S.PLANNED, None, "", "", "", [], [], []),
    ("Isabel Flores", 8, K.NETWORK, M.PHONE, S.PLANNED, None, "", "", "", [], [], []),
]
# fmt: on


def load_demo_meetings(owner: User, today: dt.date | None = None) -> int:
    """Add meetings and outcomes to an already loaded demo network."""
    today = today or timezone.localdate()
    people = {p.name: p for p in Person.objects.filter(owner=owner, is_demo=True)}
    paths = {
        title: CareerPath.objects.create(
            owner=owner, title=title, status=status, is_demo=True
        )
        for title, status in PATHS.items()
    }
    ten_am = dt.time(10, 0, tzinfo=timezone.get_current_timezone())
    for (
        name,
        days,
        kind,
        mode,
        status,
        felt,
        notes,
        feedback,
        learned,
        names,
        path_titles,
        leads,
    ) in MEETINGS:
        person = people[name]
        meeting = Meeting.objects.create(
            owner=owner,
            person=person,
            kind=kind,
            mode=mode,
            status=status,
            at=dt.datetime.combine(today + dt.timedelta(days=days), ten_am),
            is_pure=kind != K.INTERVIEW,
            goals="Learn how they moved into research; ask for two names.",
        )
        if status == S.PLANNED:
            set_questions(meeting, list(Question.objects.filter(owner=owner)[:5]))
        if status != S.HELD:
            continue
        Outcome.objects.create(
            meeting=meeting,
            notes=notes,
            resume_feedback=feedback,
            learned_field=learned,
            felt=felt,
        )
        Introduction.objects.filter(introducer=person, person__name__in=names).update(
            meeting=meeting, introduced_on=meeting.at.date()
        )
        for title in path_titles:
            paths[title].meetings.add(meeting)
            paths[title].people.add(person)
        for role, org, lead_status in leads:
            JobLead.objects.create(
                owner=owner,
                role=role,
                person=person,
                meeting=meeting,
                status=lead_status,
                organization=Organization.objects.get(owner=owner, name=org),
                heard_on=meeting.at.date(),
                is_demo=True,
            )
        thanked = days < -3
        FollowUp.objects.create(
            owner=owner,
            person=person,
            meeting=meeting,
            kind=FollowUp.Kind.THANK_YOU,
            title=f"Thank {person.name} for the meeting",
            due=meeting.at.date() + dt.timedelta(days=1),
            status=FollowUp.Status.DONE if thanked else FollowUp.Status.OPEN,
        )
        for referred in names:
            FollowUp.objects.create(
                owner=owner,
                person=people[referred],
                meeting=meeting,
                kind=FollowUp.Kind.REACH_OUT,
                title=f"Reach out to {referred} (introduced by {person.name})",
                due=meeting.at.date() + dt.timedelta(days=2),
                status=FollowUp.Status.DONE if days < -10 else FollowUp.Status.OPEN,
            )
    derived.network_changed(
        owner.pk
    )  # the introductions made in meetings took their dates
    return len(MEETINGS)


def remove_demo_meetings(owner: User) -> None:
    """Meetings and follow-ups go with the demo people; paths and leads are removed here."""
    CareerPath.objects.filter(owner=owner, is_demo=True).delete()
    JobLead.objects.filter(owner=owner, is_demo=True).delete()
    derived.network_changed(owner.pk)  # the user's own people may have given demo leads
