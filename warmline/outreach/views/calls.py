"""Call lists: build them (by hand, by search, by filter), reorder, start a sitting."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.verbs import verb_view
from warmline.outreach import queries, services
from warmline.outreach.access import get_entry_for_user, get_list_for_user
from warmline.outreach.forms import AddByFilterForm, AddPersonForm, CallListForm
from warmline.outreach.models import CallListEntry


@require_http_methods(["GET", "POST"])
def call_lists(request: AuthedRequest) -> HttpResponse:
    form = CallListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call_list = services.create_call_list(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(
                request, f"Created {call_list.name}. Now add the people to call."
            )
            return redirect(call_list)
    lists = queries.lists_for(request.user)
    return render(request, "outreach/call_lists.html", {"lists": lists, "form": form})


def list_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    call_list = get_list_for_user(request.user, pk)
    return render(
        request,
        "outreach/list_detail.html",
        {
            "call_list": call_list,
            "entries": queries.entries_in_order(call_list),
            "add_form": AddPersonForm(owner_id=request.user.pk),
            "filter_form": AddByFilterForm(),
        },
    )


@require_POST
def list_add(request: AuthedRequest, pk: int) -> HttpResponse:
    call_list = get_list_for_user(request.user, pk)
    form = AddPersonForm(request.POST, owner_id=request.user.pk)
    if form.is_valid():
        added = services.add_to_list(call_list, [form.cleaned_data["person"]])
        name = form.cleaned_data["person"].name
        messages.success(
            request, f"Added {name}." if added else f"{name} is already on it."
        )
    else:
        messages.error(request, "Choose someone from your network.")
    return redirect(call_list)


@require_POST
def list_add_filtered(request: AuthedRequest, pk: int) -> HttpResponse:
    call_list = get_list_for_user(request.user, pk)
    form = AddByFilterForm(request.POST)
    if not form.is_valid() or not any(form.cleaned_data.values()):
        messages.error(request, "Choose at least one filter.")
        return redirect(call_list)
    people = list(
        queries.people_to_list(request.user, **form.cleaned_data)[
            : queries.LIST_FILL_LIMIT
        ]
    )
    added = services.add_to_list(call_list, people)
    messages.success(request, f"Added {added} of {len(people)} matching people.")
    return redirect(call_list)


def _entry_verb(
    act: Callable[[CallListEntry], None],
) -> Callable[[HttpRequest, int], HttpResponse]:
    """Do one thing to an entry on one of the user's lists, then show the list."""
    return verb_view(
        get_entry_for_user,
        lambda request, entry: act(entry),
        lambda request, entry: entry.call_list,
    )


entry_up = _entry_verb(lambda entry: services.move_entry(entry, -1))
entry_down = _entry_verb(lambda entry: services.move_entry(entry, 1))
entry_call_again = _entry_verb(services.call_again)
entry_remove = _entry_verb(services.remove_entry)


@require_POST
def list_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    call_list = get_list_for_user(request.user, pk)
    services.delete_call_list(call_list)
    messages.success(request, f"Deleted {call_list.name}.")
    return redirect("outreach:call_lists")
