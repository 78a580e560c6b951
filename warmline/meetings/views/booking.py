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


@require_POST
def book_from_session(request: AuthedRequest, pk: int) -> HttpResponse:
    sitting = get_sitting_for_user(request.user, pk, request.POST.get("i", ""))
    form = BookMeetingForm(request.POST)
    if sitting.person is None or not form.is_valid():
        messages.error(request, "Give the meeting a date and time.")
        return redirect(sitting.url())
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
