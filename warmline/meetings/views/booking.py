"""Booking a meeting on the spot from a call session ("scheduled", key 3)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.meetings import services
from warmline.meetings.forms import BookMeetingForm
from warmline.outreach.access import get_sitting_for_user
from warmline.outreach.forms import AttemptForm
from warmline.outreach.views.session_page import render_sitting


@require_POST
def book_from_session(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk, request.POST.get("i", ""))
    if sitting.person is None:
        messages.error(request, "Choose someone on the list to book a meeting with.")
        return redirect(sitting.url())
    form = BookMeetingForm(request.POST)
    if not form.is_valid():
        # The page again, the booking open with its errors, the call's notes kept.
        typed = {name: request.POST.get(name) for name in ("channel", "notes")}
        return render_sitting(
            request, sitting, attempt_form=AttemptForm(initial=typed), booking_form=form
        )
    data = form.cleaned_data
    meeting = services.book_from_call(
        sitting.person,
        data["at"],
        session=sitting.session,
        channel=data["channel"],
        notes=data["notes"],
        mode=data["mode"],
        kind=data["kind"],
    )
    messages.success(request, f"Booked: {meeting}.")
    return redirect(sitting.url(1))
