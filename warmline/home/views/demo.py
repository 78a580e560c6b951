"""Loading and removing the demo network in one click."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.words import counted
from warmline.home import demo


@require_POST
def demo_load(request: AuthedRequest) -> HttpResponse:
    try:
        count = demo.load_demo(request.user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Loaded the demo network: {count} people to explore."
        )
    return redirect("home:today")


@require_POST
def demo_remove(request: AuthedRequest) -> HttpResponse:
    count = demo.remove_demo(request.user)
    messages.success(
        request,
        f"Removed the demo network ({counted(count, 'person', 'people')}). "
        "Your own data stays.",
    )
    return redirect("home:today")
