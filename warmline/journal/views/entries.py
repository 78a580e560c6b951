"""The journal: the list, an entry, writing and editing, sharing, deleting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.journal import queries, services
from warmline.journal.access import get_entry_for_user
from warmline.journal.forms import EntryForm
from warmline.meetings.models import Meeting


def journal_list(request: AuthedRequest) -> HttpResponse:
    tag = request.GET.get("tag", "").strip()
    path = reverse("journal:feed", args=[request.user.journal_token])
    return render(
        request,
        "journal/journal_list.html",
        {
            "entries": queries.entries_for(request.user, tag),
            "tag": tag,
            "tags": queries.entry_tags(request.user),
            "feed_url": request.build_absolute_uri(path),
        },
    )


def entry_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    return render(
        request,
        "journal/entry_detail.html",
        {
            "entry": entry,
            "tags": entry.tags.all(),
            "people": entry.people.all(),
            "meetings": entry.meetings.select_related("person"),
            "comments": entry.comments.select_related("author"),
        },
    )


def _prefill(request: AuthedRequest) -> tuple[dict[str, Any], list[Meeting]]:
    """What a new entry starts with: today, or a meeting's day, person and title
    when it is written from a meeting's page (?meeting=ID)."""
    initial: dict[str, Any] = {"day": timezone.localdate()}
    pk = whole_number(request.GET.get("meeting", ""))
    meeting = (
        Meeting.objects.filter(owner=request.user, pk=pk)
        .select_related("person")
        .first()
        if pk is not None
        else None
    )
    if meeting is None:
        return initial, []
    initial["day"] = timezone.localdate(meeting.at)
    initial["title"] = f"What I learned from {meeting.person.name}"
    return initial, [meeting]


@require_http_methods(["GET", "POST"])
def entry_add(request: AuthedRequest) -> HttpResponse:
    initial, meetings = _prefill(request)
    people = [m.person for m in meetings]
    form = EntryForm(
        request.POST or None,
        owner=request.user,
        people=people,
        meetings=meetings,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        fields = form.entry_fields()
        try:
            entry = services.add_entry(request.user, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Added {entry.title} to your journal.")
            return redirect(entry)
    return render(request, "journal/entry_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    form = EntryForm(
        request.POST or None,
        owner=request.user,
        people=list(entry.people.all()),
        meetings=list(entry.meetings.select_related("person")),
        initial=EntryForm.initial_for(entry),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_entry(entry, **form.entry_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Saved {entry.title}.")
            return redirect(entry)
    return render(request, "journal/entry_form.html", {"form": form, "entry": entry})


@require_http_methods(["GET", "POST"])
def entry_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    if request.method == "POST":
        services.delete_entry(entry)
        messages.success(request, f"Deleted {entry.title}.")
        return redirect("journal:list")
    return render(request, "journal/entry_confirm_delete.html", {"entry": entry})


def _set_shared(request: AuthedRequest, pk: int, shared: bool) -> HttpResponse:
    entry = services.set_shared(get_entry_for_user(request.user, pk), shared)
    said = "is shared: it is in your feed" if shared else "is private again"
    messages.success(request, f"{entry.title} {said}.")
    back = request.POST.get("next", "")
    to_list = back.startswith(
        reverse("journal:list")
    ) and url_has_allowed_host_and_scheme(back, allowed_hosts=None)
    return redirect(back if to_list else entry)


@require_POST
def entry_share(request: AuthedRequest, pk: int) -> HttpResponse:
    return _set_shared(request, pk, True)


@require_POST
def entry_unshare(request: AuthedRequest, pk: int) -> HttpResponse:
    return _set_shared(request, pk, False)
