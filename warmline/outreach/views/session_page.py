"""The page of a call session at one person: shown when a sitting moves on, and shown
again, with the errors next to their fields, when a form on it is refused."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from warmline.accounts.http import AuthedRequest
from warmline.outreach import queries, services
from warmline.outreach.access import Sitting
from warmline.outreach.forms import AttemptForm
from warmline.outreach.message_text import opener_for
from warmline.outreach.models import AttemptOutcome
from warmline.outreach.session_extras import extras_for
from warmline.people.queries import chain_people

KEYS = {
    "no_answer": "1",
    "voicemail": "2",
    "scheduled": "3",
    "declined": "4",
    "call_back": "5",
    "bounced": "6",
    "replied": "7",
}


def render_sitting(
    request: AuthedRequest,
    sitting: Sitting,
    *,
    attempt_form: AttemptForm | None = None,
    booking_form: Any = None,
) -> HttpResponse:
    """The sitting's page at its position (its summary past the end). A bound form
    given here is shown with its errors, and its panel open."""
    session, person = sitting.session, sitting.person
    if session.ended_at or person is None:
        # Reading the summary ends nothing: "End the sitting" does, or `warmline tick`
        # for a sitting left open.
        summary = queries.session_summary(session)
        context = {"session": session, "summary": summary}
        return render(request, "outreach/session_end.html", context)
    chain = chain_people(person)
    last = person.attempts.order_by("-at").first()
    if attempt_form is None:
        channel = last.channel if last else "phone"
        call_back_on = services.default_call_back_day(timezone.now())
        attempt_form = AttemptForm(
            initial={"channel": channel, "call_back_on": call_back_on}
        )
    extras = extras_for(session, person)
    if booking_form is not None and extras.booking is not None:
        extras.booking.form = booking_form
    return render(
        request,
        "outreach/session.html",
        {
            "session": session,
            "person": person,
            "position": sitting.position,
            "total": len(sitting.queue),
            "chain": chain,
            "last_attempt": last,
            "extras": extras,
            "opener": opener_for(person, request.user, chain),
            "form": attempt_form,
            "call_back_open": "call_back_on" in attempt_form.errors,
            "outcomes": [
                (value, label, KEYS[value]) for value, label in AttemptOutcome.choices
            ],
            "called": session.attempts.filter(person=person).exists(),
            "started_at": session.started_at,
        },
    )
