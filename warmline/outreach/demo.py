"""The demo network's outreach: call lists, a finished sitting, attempts, follow-ups."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from warmline.accounts.models import User
from warmline.outreach import services
from warmline.outreach.models import AttemptOutcome, CallList, CallSession
from warmline.people.models import Person

Result = AttemptOutcome
# A sitting three days ago: who was called, how, and what happened.
# fmt: off
LAST_SITTING = [
    ("Daniel Park", "phone", Result.VOICEMAIL, "Left a short message naming Elena."),
    ("Victor Huang", "email", Result.REPLIED, "Happy to talk next month."),
    ("Yusuf Ali", "phone", Result.NO_ANSWER, ""),
    ("Isabel Flores", "linkedin", Result.SCHEDULED, "Phone call booked."),
    ("Chris Murphy", "email", Result.DECLINED, "Not hiring researchers; kind reply."),
]
TO_CALL = ["Peter Novak", "Leah Goldberg", "Samuel Adeyemi", "Sofia Rossi", "Grace Liu", "Ethan Brooks"]
# fmt: on


def load_demo_outreach(owner: User, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    people = {p.name: p for p in Person.objects.filter(owner=owner, is_demo=True)}
    referrals = CallList.objects.create(
        owner=owner,
        name="Names from this month's meetings",
        purpose="Everyone a fan introduced me to; ask each for twenty minutes of advice.",
        next_sitting_on=today,
        is_demo=True,
    )
    services.add_to_list(
        referrals, [people[n] for n, *_ in LAST_SITTING] + [people[n] for n in TO_CALL]
    )
    started = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=3), dt.time(9, 30))
    )
    session = CallSession.objects.create(
        owner=owner,
        call_list=referrals,
        started_at=started,
        ended_at=started + dt.timedelta(minutes=40),
    )
    for minute, (name, channel, outcome, notes) in enumerate(LAST_SITTING):
        services.log_attempt(
            people[name],
            outcome,
            channel=channel,
            notes=notes,
            session=session,
            at=started + dt.timedelta(minutes=6 * minute),
        )
    health = CallList.objects.create(
        owner=owner,
        name="Health care researchers",
        purpose="Explore UX research in health care.",
        is_demo=True,
    )
    services.add_to_list(
        health,
        [
            people[n]
            for n in ("Amara Nwosu", "Lucas Moreau", "Tariq Hassan", "Ryan O'Neil")
        ],
    )


def remove_demo_outreach(owner: User) -> None:
    CallList.objects.filter(owner=owner, is_demo=True).delete()
