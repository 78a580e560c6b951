"""Today, the home page: what to do now, and how the week is going."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.outreach import queries, services
from warmline.outreach.forms import GoalsForm
from warmline.outreach.models import CallList
from warmline.people.models import Person


def today(request: AuthedRequest) -> HttpResponse:
    if not Person.objects.filter(owner=request.user).exists():
        return render(request, "people/welcome.html")
    services.expire_outreach(request.user)
    day = timezone.localdate()
    return render(
        request,
        "outreach/today.html",
        {
            "t": queries.today_for(request.user, day),
            "sittings": CallList.objects.filter(
                owner=request.user, next_sitting_on=day
            ),
            "goals_form": GoalsForm(
                initial={
                    "goal_calls": request.user.goal_calls,
                    "goal_meetings": request.user.goal_meetings,
                    "goal_names": request.user.goal_names,
                }
            ),
        },
    )


@require_POST
def set_goals(request: AuthedRequest) -> HttpResponse:
    form = GoalsForm(request.POST)
    if form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(request.user, name, value)
        request.user.save(update_fields=list(form.cleaned_data))
        messages.success(request, "Saved your weekly goals.")
    else:
        messages.error(request, "Goals are whole numbers from 0.")
    return redirect("home")
