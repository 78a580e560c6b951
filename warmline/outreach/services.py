"""Outreach state changes: attempts and the 3B7 routine, follow-ups, call lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core import ordering
from warmline.core.dates import day
from warmline.core.ranges import MOST_SNOOZE_DAYS, check_date
from warmline.outreach import cadence
from warmline.outreach.message_text import (
    DEFAULT_TEMPLATES,
    RETIRED_DEFAULTS,
    same_text,
)
from warmline.outreach.models import (
    ANSWERED,
    AWAITING_REPLY,
    PENDING,
    Attempt,
    AttemptOutcome,
    CallList,
    CallListEntry,
    CallSession,
    FollowUp,
    MessageTemplate,
    Outreach,
)
from warmline.outreach.queries import entries_in_order, ran_out
from warmline.people.models import Person


def add_follow_up(
    person: Person,
    kind: str,
    title: str,
    due: dt.date,
    *,
    meeting_id: int | None = None,
    outreach: Outreach | None = None,
) -> FollowUp:
    check_date(due)
    return FollowUp.objects.create(
        owner_id=person.owner_id,
        person=person,
        kind=kind,
        title=title,
        due=due,
        meeting_id=meeting_id,
        outreach=outreach,
    )


def touch(person: Person, at: dt.datetime) -> None:
    """Remember the latest interaction with a person (for keeping in touch)."""
    if person.last_interaction_at is None or at > person.last_interaction_at:
        person.last_interaction_at = at
        person.save(update_fields=["last_interaction_at"])


@transaction.atomic
def log_attempt(
    person: Person,
    outcome: str,
    *,
    channel: str = "phone",
    at: dt.datetime | None = None,
    notes: str = "",
    session: CallSession | None = None,
    call_back_on: dt.date | None = None,
    meeting_id: int | None = None,
) -> Attempt:
    """Record a try at reaching someone and move their outreach along (3B7)."""
    at = at or timezone.now()
    if outcome not in AttemptOutcome.values:
        raise ValueError(f"Unknown outcome {outcome!r}")
    check_date(at)
    check_date(call_back_on)
    if call_back_on is not None and call_back_on < timezone.localdate(at):
        early = ValidationError(
            "A call-back is for the day of the call or later.",
            code="call_back_before_call",
        )
        raise ValidationError({"call_back_on": early})
    waiting = _waiting_on(person, at)
    if outcome in AWAITING_REPLY and waiting is None:
        waiting = _start_outreach(person, at)
    attempt = Attempt.objects.create(
        owner_id=person.owner_id,
        person=person,
        session=session,
        at=at,
        channel=channel,
        outcome=outcome,
        notes=notes,
        outreach=waiting,
        meeting_id=meeting_id,
    )
    # Trying to reach them is what "reach out" and "call back" tasks asked for.
    FollowUp.objects.filter(
        person=person,
        kind__in=[FollowUp.Kind.REACH_OUT, FollowUp.Kind.CALL_BACK],
        status__in=PENDING,
    ).update(status=FollowUp.Status.DONE, done_at=at)
    if outcome in ANSWERED and waiting is not None:
        close_outreach(waiting, replied_at=at)
    if outcome == AttemptOutcome.CALL_BACK:
        add_follow_up(
            person,
            FollowUp.Kind.CALL_BACK,
            f"Call {person.name} back",
            call_back_on or default_call_back_day(at),
        )
    if session is not None:
        CallListEntry.objects.filter(
            call_list_id=session.call_list_id, person=person
        ).update(done_at=at)
    touch(person, at)
    return attempt


def default_call_back_day(at: dt.datetime) -> dt.date:
    """When a call-back is due if nobody says: the next business day."""
    return cadence.add_business_days(timezone.localdate(at), 1)


def _waiting_on(person: Person, at: dt.datetime) -> Outreach | None:
    """The outreach still waiting on a person's answer at `at`; one whose 3B7 routine
    had already run out is closed as "no reply" first (if `warmline tick` has not)."""
    _give_up(Outreach.objects.filter(person=person), timezone.localdate(at))
    return Outreach.objects.filter(
        person=person, status=Outreach.Status.WAITING
    ).first()


def _start_outreach(person: Person, at: dt.datetime) -> Outreach:
    start = timezone.localdate(at)
    outreach = Outreach.objects.create(
        owner_id=person.owner_id,
        person=person,
        started_at=at,
        give_up_on=cadence.give_up_on(start),
    )
    if person.organization_id:
        add_follow_up(
            person,
            FollowUp.Kind.REACH_ANOTHER,
            f"No reply from {person.name} yet: reach a second person at "
            f"{person.organization}",
            cadence.second_contact_on(start),
            outreach=outreach,
        )
    add_follow_up(
        person,
        FollowUp.Kind.FOLLOW_UP,
        f"Follow up with {person.name} (no reply since {day(start)})",
        cadence.follow_up_on(start),
        outreach=outreach,
    )
    return outreach


def close_outreach(outreach: Outreach, replied_at: dt.datetime | None) -> None:
    """They answered (or the routine gave up): cancel what is pending, set the badge."""
    outreach.status = (
        Outreach.Status.REPLIED if replied_at else Outreach.Status.NO_REPLY
    )
    outreach.replied_at = replied_at
    outreach.save(update_fields=["status", "replied_at"])
    outreach.follow_ups.filter(status__in=PENDING).update(
        status=FollowUp.Status.CANCELLED
    )
    started = timezone.localdate(outreach.started_at)
    replied = timezone.localdate(replied_at) if replied_at else None
    Person.objects.filter(pk=outreach.person_id).update(
        responsiveness=cadence.responsiveness(started, replied)
    )


def expire_outreach(owner: User, today: dt.date | None = None) -> int:
    """Mark as "no reply" every outreach of the owner's whose routine has run out."""
    return _give_up(Outreach.objects.filter(owner=owner), today)


def _give_up(outreaches: QuerySet[Outreach], today: dt.date | None) -> int:
    """Close as "no reply" those of `outreaches` that have run out; count them."""
    expired = list(outreaches.filter(ran_out(today or timezone.localdate())))
    for outreach in expired:
        close_outreach(outreach, replied_at=None)
    return len(expired)


def meeting_booked(person: Person, at: dt.datetime) -> None:
    """A booked meeting is an answer: it ends any outreach waiting on that person."""
    waiting = _waiting_on(person, at)
    if waiting is not None:
        close_outreach(waiting, replied_at=at)


def complete_follow_up(follow_up: FollowUp) -> None:
    if follow_up.status not in PENDING:
        raise ValidationError(f"“{follow_up.title}” is not open.")
    follow_up.status = FollowUp.Status.DONE
    follow_up.done_at = timezone.now()
    follow_up.save(update_fields=["status", "done_at"])
    touch(follow_up.person, follow_up.done_at)


def snooze_follow_up(
    follow_up: FollowUp, days: int, today: dt.date | None = None
) -> dt.date:
    """Put an open follow-up off by `days` from its due day, or from today when it is
    already due (Today shows it again then); return the new due day."""
    if follow_up.status not in PENDING:
        raise ValidationError(f"“{follow_up.title}” is not open: nothing to snooze.")
    if not 1 <= days <= MOST_SNOOZE_DAYS:
        raise ValidationError(f"Snooze for 1 to {MOST_SNOOZE_DAYS} days.")
    today = today or timezone.localdate()
    follow_up.status = FollowUp.Status.SNOOZED
    follow_up.due = max(follow_up.due, today) + dt.timedelta(days=days)
    follow_up.save(update_fields=["status", "due"])
    return follow_up.due


def reopen_follow_up(follow_up: FollowUp) -> None:
    """Undo "done" (a cancelled one went with its outreach: it stays cancelled)."""
    if follow_up.status != FollowUp.Status.DONE:
        raise ValidationError(f"“{follow_up.title}” is not done: nothing to reopen.")
    follow_up.status = FollowUp.Status.OPEN
    follow_up.done_at = None
    follow_up.save(update_fields=["status", "done_at"])


# Call lists ---------------------------------------------------------------------------


def add_to_list(call_list: CallList, people: list[Person]) -> int:
    """Append people not already on the list; return how many were added."""
    present = set(call_list.entries.values_list("person_id", flat=True))
    start = (call_list.entries.aggregate(m=Max("position"))["m"] or 0) + 1
    # Once each, however often given (two referral rows naming one person).
    new = list(
        {
            p.pk: p
            for p in people
            if p.pk not in present and p.owner_id == call_list.owner_id
        }.values()
    )
    CallListEntry.objects.bulk_create(
        CallListEntry(call_list=call_list, person=p, position=start + i)
        for i, p in enumerate(new)
    )
    call_list.save(update_fields=["updated_at"])
    return len(new)


@transaction.atomic
def move_entry(entry: CallListEntry, offset: int) -> None:
    """Move someone up (-1) or down (+1) on their call list."""
    ordering.move(entry.call_list.entries.all(), entry, offset)


def remove_entry(entry: CallListEntry) -> None:
    entry.delete()


def call_again(entry: CallListEntry) -> None:
    """Put someone already called back among those to call."""
    entry.done_at = None
    entry.save(update_fields=["done_at"])


def create_call_list(owner: User, name: str, purpose: str = "") -> CallList:
    name = name.strip()
    if not name:
        raise ValidationError("A call list needs a name.")
    if CallList.objects.filter(owner=owner, name__iexact=name).exists():
        raise ValidationError(f"You already have a call list named {name!r}.")
    call_list = CallList(owner=owner, name=name, purpose=purpose)
    call_list.full_clean(exclude=["owner"])
    call_list.save()
    return call_list


NAMES_FROM_MEETINGS = "Names from meetings"


def add_names_from_meeting(owner: User, people: list[Person]) -> None:
    """Names given at a meeting go on one call list (made on first use), so calling
    them is the next step Today offers."""
    if not people:
        return
    call_list = CallList.objects.filter(owner=owner, name=NAMES_FROM_MEETINGS).first()
    if call_list is None:
        call_list = CallList.objects.create(
            owner=owner,
            name=NAMES_FROM_MEETINGS,
            purpose="People introduced to you at meetings: call them while the "
            "introduction is fresh, and say who sent you.",
        )
    add_to_list(call_list, people)


def delete_call_list(call_list: CallList) -> None:
    call_list.delete()


def plan_next_sitting(call_list: CallList, day: dt.date) -> None:
    """Put the next sitting over this list in the diary (Today shows it on the day)."""
    check_date(day)
    call_list.next_sitting_on = day
    call_list.save(update_fields=["next_sitting_on", "updated_at"])


def start_session(call_list: CallList) -> CallSession:
    """Start a sitting over everyone not yet done, in the list's calling order."""
    queue = [e.person_id for e in entries_in_order(call_list) if e.done_at is None]
    return CallSession.objects.create(
        owner_id=call_list.owner_id,
        call_list=call_list,
        started_at=timezone.now(),
        queue=queue,
    )


def end_session(session: CallSession) -> None:
    if session.ended_at is None:
        session.ended_at = timezone.now()
        session.save(update_fields=["ended_at"])


# A sitting still open this long after it started was left open: it ended with its
# last call.
SITTING_LEFT_OPEN = dt.timedelta(hours=12)


def close_sittings_left_open(owner: User, now: dt.datetime | None = None) -> int:
    """End the owner's sittings left open, at their last call (or their start)."""
    now = now or timezone.now()
    left_open = CallSession.objects.filter(
        owner=owner, ended_at__isnull=True, started_at__lte=now - SITTING_LEFT_OPEN
    ).annotate(last_call=Max("attempts__at"))
    count = 0
    for session in left_open:
        session.ended_at = session.last_call or session.started_at  # type: ignore[attr-defined]
        session.save(update_fields=["ended_at"])
        count += 1
    return count


@dataclass(frozen=True)
class Ticked:
    outreach_given_up: int
    sittings_closed: int


@transaction.atomic
def tick(owner: User, now: dt.datetime | None = None) -> Ticked:
    """Write down what follows from time alone, for one owner: outreach whose 3B7
    routine has run out becomes "no reply" (and its person a curmudgeon), and
    sittings left open are closed. Pages compute both when read, so running it late
    or twice changes nothing a user sees."""
    now = now or timezone.now()
    with timezone.override(owner.zone):  # their day, wherever the server runs
        return Ticked(
            outreach_given_up=expire_outreach(owner, timezone.localdate(now)),
            sittings_closed=close_sittings_left_open(owner, now),
        )


# Message templates --------------------------------------------------------------------


def add_default_templates(owner: User) -> None:
    """The templates every account starts with (run once, when it is made)."""
    MessageTemplate.objects.bulk_create(
        MessageTemplate(owner=owner, name=name, subject=subject, body=body, position=i)
        for i, (name, subject, body) in enumerate(DEFAULT_TEMPLATES)
    )


def renew_retired_defaults(owner_id: int) -> int:
    """Give today's default text to the owner's templates still word for word an
    earlier default (an old export or backup brings them back); return how many."""
    current = {name: (subject, body) for name, subject, body in DEFAULT_TEMPLATES}
    renewed = 0
    for template in MessageTemplate.objects.filter(
        owner_id=owner_id, name__in=list(RETIRED_DEFAULTS)
    ):
        subject, body = RETIRED_DEFAULTS[template.name]
        if (
            template.name in current
            and same_text(template.subject, subject)
            and (same_text(template.body, body))
        ):
            template.subject, template.body = current[template.name]
            template.save(update_fields=["subject", "body"])
            renewed += 1
    return renewed


def add_template(owner: User, name: str, subject: str, body: str) -> MessageTemplate:
    """Add a template at the end of the owner's list."""
    last = MessageTemplate.objects.filter(owner=owner).aggregate(m=Max("position"))
    return MessageTemplate.objects.create(
        owner=owner,
        name=name,
        subject=subject,
        body=body,
        position=(last["m"] or 0) + 1,
    )


def update_template(template: MessageTemplate, **fields: str) -> MessageTemplate:
    for name in ("name", "subject", "body"):
        if name in fields:
            setattr(template, name, fields[name])
    template.save()
    return template


def delete_template(template: MessageTemplate) -> None:
    template.delete()
