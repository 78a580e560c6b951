"""A call session: one person at a time, one click (or key) per outcome."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.outreach import queries, services
from warmline.outreach.access import (
    get_list_for_user,
    get_session_for_user,
    get_sitting_for_user,
)
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


@require_POST
def session_start(request: AuthedRequest, pk: int) -> HttpResponse:
    call_list = get_list_for_user(request.user, pk)
    if not call_list.entries.filter(done_at__isnull=True).exists():
        messages.info(
            request, "Everyone on this list is done. Add people, or mark some not done."
        )
        return redirect(call_list)
    session = services.start_session(call_list)
    return redirect("outreach:session", pk=session.pk)


def session_view(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(
        request.user, pk, request.GET.get("i", "0"), default=0
    )
    session, queue, position = sitting.session, sitting.queue, sitting.position
    if session.ended_at or position >= len(queue):
        # Reading the summary ends nothing: "End the sitting" does, or `warmline tick`
        # for a sitting left open.
        return render(
            request,
            "outreach/session_end.html",
            {
                "session": session,
                "summary": queries.session_summary(session),
            },
        )
    person = queue[position]
    chain = chain_people(person)
    last = person.attempts.order_by("-at").first()
    return render(
        request,
        "outreach/session.html",
        {
            "session": session,
            "person": person,
            "position": position,
            "total": len(queue),
            "chain": chain,
            "last_attempt": last,
            "extras": extras_for(session, person),
            "opener": opener_for(person, request.user, chain),
            "form": AttemptForm(initial={"channel": last.channel if last else "phone"}),
            "outcomes": [
                (value, label, KEYS[value]) for value, label in AttemptOutcome.choices
            ],
            "called": session.attempts.filter(person=person).exists(),
            "started_at": session.started_at,
        },
    )


@require_POST
def session_log(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk, request.POST.get("i", ""))
    form = AttemptForm(request.POST)
    if sitting.person is None or not form.is_valid():
        messages.error(request, "Choose what happened.")
        return redirect(sitting.url())
    data = form.cleaned_data
    services.log_attempt(
        sitting.person,
        data["outcome"],
        channel=data["channel"],
        notes=data["notes"],
        session=sitting.session,
        call_back_on=data["call_back_on"],
    )
    return redirect(sitting.url(1))


@require_POST
def session_end(request: AuthedRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    services.end_session(session)
    return redirect("outreach:session", pk=pk)


@require_POST
def next_sitting(request: AuthedRequest, pk: int) -> HttpResponse:
    """Put the next sitting in the diary; Today shows it on the day."""
    session = get_session_for_user(request.user, pk)
    try:
        day = dt.date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        messages.error(request, "Choose a day for the next sitting.")
        return redirect("outreach:session", pk=pk)
    call_list = session.call_list
    services.plan_next_sitting(call_list, day)
    messages.success(request, f"Next sitting on {day:%A %d %B}. It will be on Today.")
    return redirect(call_list)
