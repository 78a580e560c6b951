"""Today, the home page: what to do now, and how the week is going."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from warmline.accounts import services as accounts
from warmline.accounts import sharing
from warmline.accounts.forms import GoalsForm
from warmline.accounts.http import AuthedRequest
from warmline.coaching import queries as coaching
from warmline.home import queries
from warmline.people.models import Person


def today(request: AuthedRequest) -> HttpResponse:
    followed = sharing.received(request.user)
    if not Person.objects.filter(owner=request.user).exists():
        return render(request, "home/welcome.html", {"followed": followed})
    day = timezone.localdate()
    return render(
        request,
        "home/today.html",
        {
            "t": queries.today_for(request.user, day),
            "goals_form": GoalsForm(instance=request.user),
            "new_comments": coaching.new_comments(request.user),
            "followed": followed,
        },
    )


@require_POST
def set_goals(request: AuthedRequest) -> HttpResponse:
    form = GoalsForm(request.POST, instance=request.user)
    if form.is_valid():
        accounts.update_profile(request.user, **form.cleaned_data)
        messages.success(request, "Saved your weekly goals.")
    else:
        request.user.refresh_from_db()  # the form set the refused values on it
        messages.error(request, "Goals are whole numbers from 0.")
    return redirect("home:today")
