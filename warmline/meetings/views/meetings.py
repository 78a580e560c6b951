"""Meeting pages: the list, planning one, its preparation/outcome page, edit, cancel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts import sharing
from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.meetings import queries, services
from warmline.meetings.access import get_meeting_for_user
from warmline.meetings.forms import MeetingForm
from warmline.meetings.models import Meeting, Question
from warmline.meetings.page_links import links_for
from warmline.people.access import get_person_for_user
from warmline.people.fans import fan_status
from warmline.people.queries import chain_people, introductions_received


def meeting_list(request: AuthedRequest) -> HttpResponse:
    filters = queries.MeetingFilter(
        mode=request.GET.get("mode", ""),
        kind=request.GET.get("kind", ""),
        status=request.GET.get("status", ""),
    )
    upcoming, past = queries.upcoming_and_past(
        queries.meetings_for(request.user, filters)
    )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": upcoming,
            "past": past[:100],
            "filters": filters,
            "modes": Meeting.Mode.choices,
            "kinds": Meeting.Kind.choices,
            "statuses": Meeting.Status.choices,
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_add(request: AuthedRequest) -> HttpResponse:
    initial = {}
    if (person_id := whole_number(request.GET.get("person"))) is not None:
        initial["person"] = get_person_for_user(request.user, person_id).pk
    form = MeetingForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {
            k: v for k, v in form.cleaned_data.items() if k not in ("person", "at")
        }
        meeting = services.create_meeting(
            form.cleaned_data["person"], form.cleaned_data["at"], **fields
        )
        messages.success(request, f"Planned: {meeting}. Prepare for it below.")
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form})


def meeting_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    person = meeting.person
    chosen = list(meeting.questions.all())
    picked = {mq.question_id for mq in chosen}
    earlier = queries.meetings_with(person).exclude(pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "person": person,
            "fan": fan_status(person),
            "chain": chain_people(person),
            "introduced_by": introductions_received(person),
            "earlier": earlier,
            "questions": chosen,
            "bank": [
                q
                for q in Question.objects.filter(owner=request.user)
                if q.pk not in picked
            ],
            "outcome": getattr(meeting, "outcome", None),
            "names": meeting.introductions.select_related("person"),
            "paths": meeting.career_paths.all(),
            "leads": meeting.job_leads.select_related("organization"),
            "follow_ups": meeting.follow_ups.select_related("person"),
            "page_links": links_for(meeting),
        },
    )


def meeting_print(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    return render(
        request,
        "meetings/meeting_print.html",
        {
            "meeting": meeting,
            "chain": chain_people(meeting.person),
            "questions": meeting.questions.all(),
            "earlier": queries.meetings_with(meeting.person).exclude(pk=meeting.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    form = MeetingForm(request.POST or None, instance=meeting, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Saved the meeting.")
            return redirect(meeting)
    return render(
        request, "meetings/meeting_form.html", {"form": form, "meeting": meeting}
    )


@require_POST
def meeting_private(request: AuthedRequest, pk: int) -> HttpResponse:
    """Hide a meeting from those the seeker shares with, or show it again."""
    meeting = get_meeting_for_user(request.user, pk)
    sharing.set_private(meeting, request.POST.get("private") == "1")
    return redirect(meeting)


@require_POST
def meeting_cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    services.cancel_meeting(meeting)
    messages.success(request, f"Cancelled the meeting with {meeting.person.name}.")
    return redirect(meeting)
