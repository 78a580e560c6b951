"""Every route of the app, and a sample object of the owner's for each one that needs
one, for the tests that walk them all (reading never writes; ownership).

A route added without a sample here makes those tests fail, so none can be added
unchecked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from warmline.accounts import sharing
from warmline.accounts.models import Invitation, Role, Share, User
from warmline.api.models import Token
from warmline.api.services import create_token
from warmline.coaching import services as coaching
from warmline.coaching.models import Comment, SeekerGroup
from warmline.home.demo import load_demo
from warmline.journal.models import JournalEntry
from warmline.journal.services import add_entry
from warmline.meetings import services as meetings
from warmline.meetings.models import CareerPath, JobLead, Meeting, Question
from warmline.meetings.resumes import add_resume
from warmline.outreach import services as outreach
from warmline.outreach.models import CallList, FollowUp, MessageTemplate
from warmline.people.models import Introduction, Person
from warmline.people.services import create_person, mark_target


@dataclass(frozen=True)
class Route:
    name: str
    params: tuple[str, ...]
    view: str


def routes() -> list[Route]:
    """Warmline's named routes (Django's own auth and admin views left out)."""

    def walk(patterns: list[Any], namespace: str | None) -> Iterator[Route]:
        for p in patterns:
            if isinstance(p, URLResolver):
                inner = p.namespace or namespace
                if p.namespace and namespace:
                    inner = f"{namespace}:{p.namespace}"
                yield from walk(p.url_patterns, inner)
            elif isinstance(p, URLPattern) and p.name:
                if p.lookup_str.startswith("django.") or namespace == "api":
                    # The JSON API is walked by warmline/api/tests (every operation
                    # and method, by token), where its bodies and statuses are known.
                    continue
                name = f"{namespace}:{p.name}" if namespace else p.name
                params = tuple(p.pattern.regex.groupindex)
                yield Route(name, params, p.lookup_str)

    return sorted(walk(get_resolver().url_patterns, None), key=lambda r: r.name)


@dataclass
class World:
    """One of each kind of object, all the owner's, on top of the demo network."""

    owner: User
    person: Person
    introduction: Introduction
    organization: Any
    meeting: Meeting
    meeting_question: Any
    question: Question
    resume: Any
    path: CareerPath
    lead: JobLead
    call_list: CallList
    entry: Any
    session: Any
    follow_up: FollowUp
    template: MessageTemplate
    # Sharing: the owner shares with a coach, has an open invitation, and coaches
    # someone else (`followed`) with a group and a comment on their report.
    share: Share
    invitation: Invitation
    code: str
    followed: User
    followed_person: Person
    followed_meeting: Meeting
    followed_share: Share
    followed_entry: Any
    group: SeekerGroup
    comment: Comment
    journal_entry: JournalEntry


def build_world(owner: User) -> World:
    load_demo(owner)
    create_token(owner, "route walk", "read")
    introduction = Introduction.objects.filter(owner=owner).first()
    assert introduction is not None
    person = introduction.person
    meeting = Meeting.objects.filter(owner=owner).order_by("pk").first()
    assert meeting is not None
    question = Question.objects.filter(owner=owner).first()
    assert question is not None
    meetings.set_questions(meeting, [question])
    call_list = CallList.objects.filter(owner=owner).first()
    assert call_list is not None
    upload = SimpleUploadedFile("resume.txt", b"Dana Reyes\nTeacher, researcher\n")
    follow_up = outreach.add_follow_up(
        person, FollowUp.Kind.OTHER, "Send the article", timezone.localdate()
    )
    path = CareerPath.objects.filter(owner=owner).first()
    lead = JobLead.objects.filter(owner=owner).first()
    assert path is not None and lead is not None
    coach = User.objects.create_user(f"{owner.username}-coach")
    invitation, code = sharing.invite(owner, Role.COACH)
    share = sharing.accept(coach, code)
    invitation, code = sharing.invite(owner, Role.PARTNER)
    followed = User.objects.create_user(f"{owner.username}-coached")
    followed_person = create_person(followed, name="Kim Seeker-Contact")
    followed_meeting = meetings.create_meeting(
        followed_person, at=timezone.now() - dt.timedelta(days=1)
    )
    followed_share = sharing.accept(owner, sharing.invite(followed, Role.COACH)[1])
    followed_entry = add_entry(
        followed, "Shared news", timezone.localdate(), is_shared=True
    )
    group = coaching.create_group(owner, "Tuesday team")
    coaching.set_group_seekers(group, [followed.pk])
    comment = coaching.add_comment(owner, followed, timezone.localdate(), "Well done")
    return World(
        owner=owner,
        person=person,
        introduction=introduction,
        organization=mark_target(owner, "Acme Health", motivation=2),
        meeting=meeting,
        meeting_question=meeting.questions.get(),
        question=question,
        resume=add_resume(owner, upload, "Research", dt.date(2026, 11, 1)),
        path=path,
        lead=lead,
        call_list=call_list,
        entry=call_list.entries.first(),
        session=outreach.start_session(call_list),
        follow_up=follow_up,
        template=MessageTemplate.objects.filter(owner=owner).first(),  # type: ignore[arg-type]
        share=share,
        invitation=invitation,
        code=code,
        followed=followed,
        followed_person=followed_person,
        followed_meeting=followed_meeting,
        followed_share=followed_share,
        followed_entry=followed_entry,
        group=group,
        comment=comment,
        journal_entry=add_entry(
            owner,
            "What Sam said",
            dt.date(2026, 11, 20),
            body="Ask about *research* roles.",
            tags=["lessons"],
            people=[person],
            meetings=[meeting],
            is_shared=True,
        ),
    )


def _pk(attribute: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"pk": getattr(world, attribute).pk}


# Route name -> the arguments that point it at one of the owner's objects.
SAMPLES: dict[str, Callable[[World], dict[str, Any]]] = {
    **{
        name: _pk("person")
        for name in (
            "home:person",
            "people:edit",
            "people:delete",
            "people:fan",
            "people:introduction_add",
        )
    },
    "people:introduction_remove": _pk("introduction"),
    **{
        name: _pk("organization")
        for name in (
            "people:organization_detail",
            "people:organization_edit",
            "people:organization_delete",
            "insights:target_remove",
        )
    },
    **{
        f"meetings:{name}": _pk("meeting")
        for name in ("detail", "edit", "cancel", "print", "outcome", "questions_pick")
    },
    "meetings:outcome_row_hx": lambda w: {"pk": w.meeting.pk, "prefix": "referrals"},
    **{
        f"meetings:question_{verb}": _pk("meeting_question")
        for verb in ("up", "down", "remove")
    },
    "meetings:question_edit": _pk("question"),
    "meetings:question_delete": _pk("question"),
    "meetings:resume_download": _pk("resume"),
    "meetings:resume_delete": _pk("resume"),
    "meetings:book_from_session": _pk("session"),
    "meetings:path_detail": _pk("path"),
    "meetings:path_delete": _pk("path"),
    "meetings:lead_edit": _pk("lead"),
    **{
        f"outreach:{name}": _pk("call_list")
        for name in (
            "list_detail",
            "list_add",
            "list_add_filtered",
            "list_delete",
            "session_start",
        )
    },
    **{
        f"outreach:entry_{verb}": _pk("entry")
        for verb in ("up", "down", "call_again", "remove")
    },
    **{
        f"outreach:{name}": _pk("session")
        for name in ("session", "session_log", "session_end", "next_sitting")
    },
    **{
        f"outreach:follow_up_{verb}": _pk("follow_up")
        for verb in ("done", "snooze", "reopen")
    },
    "outreach:template_edit": _pk("template"),
    "outreach:template_delete": _pk("template"),
    "people:private": _pk("person"),
    "meetings:private": _pk("meeting"),
    "coaching:cancel_invitation": _pk("invitation"),
    "coaching:revoke": _pk("share"),
    "coaching:leave": _pk("followed_share"),
    "coaching:accept": lambda w: {"code": w.code},
    **{
        f"coaching:{name}": _pk("group")
        for name in ("group", "group_seekers", "group_delete")
    },
    **{
        f"coaching:{name}": lambda w: {"seeker": w.followed.pk}
        for name in ("seeker", "people", "meetings", "insights", "report", "journal")
    },
    "coaching:person": lambda w: {
        "seeker": w.followed.pk,
        "pk": w.followed_person.pk,
    },
    "coaching:meeting": lambda w: {
        "seeker": w.followed.pk,
        "pk": w.followed_meeting.pk,
    },
    "coaching:journal_entry": lambda w: {
        "seeker": w.followed.pk,
        "pk": w.followed_entry.pk,
    },
    "coaching:comment_edit": _pk("comment"),
    "coaching:comment_delete": _pk("comment"),
    "tokens:revoke": lambda w: {"pk": Token.objects.get(owner=w.owner).pk},
    "home:calendar_feed": lambda w: {"token": w.owner.calendar_token},
    **{
        f"journal:{name}": _pk("journal_entry")
        for name in ("detail", "edit", "delete", "share", "unshare")
    },
    "journal:feed": lambda w: {"token": w.owner.journal_token},
    "exchange:export_download": lambda w: {"kind": "json"},
}


def url_for(route: Route, world: World) -> str:
    if not route.params:
        return reverse(route.name)
    assert route.name in SAMPLES, f"{route.name} takes {route.params}: add a sample"
    return reverse(route.name, kwargs=SAMPLES[route.name](world))


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every Warmline model (and the users), to compare before/after."""
    models = [m for m in apps.get_models() if m.__module__.startswith("warmline.")]
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in models
    }
