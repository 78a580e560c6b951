"""The home page: a first-run welcome with the demo offer, else a network summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from warmline import demo
from warmline.accounts.http import AuthedRequest
from warmline.people import queries
from warmline.people.models import Person


def home(request: AuthedRequest) -> HttpResponse:
    counts = Person.objects.filter(owner=request.user).aggregate(
        people=Count("id"),
        main=Count("id", filter=Q(is_main_contact=True)),
        connected=Count("id", filter=Q(degree__isnull=False)),
        unconnected=Count("id", filter=Q(degree__isnull=True)),
    )
    if counts["people"] == 0:
        return render(request, "people/welcome.html")
    recent = queries.people_for(request.user).order_by("-created_at", "-id")[:8]
    return render(request, "people/home.html", {"counts": counts, "recent": recent})


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
    return redirect("home")


@require_POST
def demo_remove(request: AuthedRequest) -> HttpResponse:
    count = demo.remove_demo(request.user)
    messages.success(
        request, f"Removed the demo network ({count} people). Your own data stays."
    )
    return redirect("home")
