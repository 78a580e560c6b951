"""A call session: one person at a time, one click (or key) per outcome."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.outreach import services
from warmline.outreach.access import (
    get_list_for_user,
    get_session_for_user,
    get_sitting_for_user,
)
from warmline.outreach.forms import AttemptForm
from warmline.outreach.views.session_page import render_sitting


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
    return render_sitting(request, sitting)


@require_POST
def session_log(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk, request.POST.get("i", ""))
    if sitting.person is None:
        messages.error(request, "Choose someone on the list to log a call for.")
        return redirect(sitting.url())
    form = AttemptForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.log_attempt(
                sitting.person,
                data["outcome"],
                channel=data["channel"],
                notes=data["notes"],
                session=sitting.session,
                call_back_on=data["call_back_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)  # to the field it names
        else:
            return redirect(sitting.url(1))
    return render_sitting(request, sitting, attempt_form=form)


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
