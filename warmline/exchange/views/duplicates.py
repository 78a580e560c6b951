"""Likely duplicates: merge them, or say they are different people."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.exchange import duplicates
from warmline.people.access import get_person_for_user
from warmline.people.models import Person


def duplicate_list(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "exchange/duplicates.html",
        {"candidates": duplicates.likely_duplicates(request.user)},
    )


def _id(value: str) -> int:
    return whole_number(value) or 0  # 0 matches nobody: a 404


def _pair(request: AuthedRequest) -> tuple[Person, Person]:
    """The two people posted, both the user's (else a 404)."""
    keep = get_person_for_user(request.user, _id(request.POST.get("keep", "")))
    other = get_person_for_user(request.user, _id(request.POST.get("other", "")))
    return keep, other


@require_POST
def duplicate_merge(request: AuthedRequest) -> HttpResponse:
    keep, other = _pair(request)
    try:
        merged = duplicates.merge(keep, other)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Merged {other.name} into {keep.name}.")
        for note in merged.dropped:
            messages.warning(request, note)
    return redirect("exchange:duplicates")


@require_POST
def duplicate_apart(request: AuthedRequest) -> HttpResponse:
    keep, other = _pair(request)
    try:
        duplicates.keep_apart(keep, other)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{keep.name} and {other.name} stay two people.")
    return redirect("exchange:duplicates")
