"""The outcome page: one form for everything a meeting gave, rows added in place."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.core.words import counted
from warmline.meetings import outcomes
from warmline.meetings.access import get_meeting_for_user
from warmline.meetings.outcome_forms import FORMSETS, OutcomeForms, formset_kwargs


@require_http_methods(["GET", "POST"])
def log_outcome(request: AuthedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    if not meeting.has_begun:
        messages.info(request, outcomes.not_yet_message(meeting))
        return redirect(meeting)
    forms = OutcomeForms(request.POST if request.method == "POST" else None, meeting)
    if request.method == "POST" and forms.is_valid():
        try:
            logged = outcomes.log_outcome(meeting, forms.data())
        except outcomes.OutcomeError as error:
            forms.show_error(error)
        else:
            added = len(logged.new_people) + len(logged.linked_people)
            names = f", {counted(added, 'new name')}" if added else ""
            messages.success(
                request, f"Logged the meeting with {meeting.person.name}{names}."
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/outcome_form.html",
        {"meeting": meeting, "forms": forms, "errors": request.method == "POST"},
    )


def outcome_row_hx(request: AuthedRequest, pk: int, prefix: str) -> HttpResponse:
    """One more empty row for a formset, and its TOTAL_FORMS bumped out of band."""
    meeting = get_meeting_for_user(request.user, pk)
    if prefix not in FORMSETS:
        raise Http404
    raw = request.GET.get(f"{prefix}-TOTAL_FORMS", "1")
    index = whole_number(raw, high=99) or 1
    formset = FORMSETS[prefix](**formset_kwargs(prefix, meeting))
    form = formset.form(
        prefix=formset.add_prefix(index),
        empty_permitted=True,
        use_required_attribute=False,
        **formset.get_form_kwargs(index),
    )
    return render(
        request,
        "meetings/_outcome_row.html",
        {"form": form, "prefix": prefix, "total": index + 1, "oob": True},
    )
