"""Adding and removing introductions from a person's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.people import services
from warmline.people.access import get_introduction_for_user, get_person_for_user
from warmline.people.forms import IntroductionForm


@require_POST
def introduction_add(request: AuthedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    form = IntroductionForm(request.POST, person=person)
    if not form.is_valid():
        messages.error(request, "Choose who introduced them.")
        return redirect(person)
    try:
        services.add_introduction(
            form.cleaned_data["introducer"],
            person,
            introduced_on=form.cleaned_data["introduced_on"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"{form.cleaned_data['introducer'].name} introduced {person.name}."
        )
    return redirect(person)


@require_POST
def introduction_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    introduction = get_introduction_for_user(request.user, pk)
    person = introduction.person
    services.remove_introduction(introduction)
    messages.success(
        request, f"Removed the introduction by {introduction.introducer.name}."
    )
    return redirect(person)
