"""/coach/: every seeker who shares with me, this week, and my groups of them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.coaching import queries, services
from warmline.coaching.access import get_group_for_coach
from warmline.coaching.models import SeekerGroup
from warmline.core.parsing import whole_number


def dashboard(request: AuthedRequest) -> HttpResponse:
    sort = request.GET.get("sort", "attention")
    groups = list(SeekerGroup.objects.filter(coach=request.user))
    return render(
        request,
        "coaching/dashboard.html",
        {
            "rows": queries.dashboard(request.user, sort),
            "sort": sort,
            "sorts": queries.SORTS,
            "groups": groups,
        },
    )


def group_page(request: AuthedRequest, pk: int) -> HttpResponse:
    group = get_group_for_coach(request.user, pk)
    members = list(group.seekers.values_list("pk", flat=True))
    sort = request.GET.get("sort", "name")
    return render(
        request,
        "coaching/group.html",
        {
            "group": group,
            "rows": queries.dashboard(request.user, sort, seekers=members),
            "everyone": queries.dashboard(request.user, "name"),
            "members": set(members),
            "sort": sort,
            "sorts": queries.SORTS,
        },
    )


@require_POST
def group_add(request: AuthedRequest) -> HttpResponse:
    try:
        group = services.create_group(request.user, request.POST.get("name", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coaching:dashboard")
    return redirect("coaching:group", group.pk)


@require_POST
def group_seekers(request: AuthedRequest, pk: int) -> HttpResponse:
    group = get_group_for_coach(request.user, pk)
    wanted = [whole_number(v) for v in request.POST.getlist("seeker")]
    try:
        services.set_group_seekers(group, [pk for pk in wanted if pk is not None])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Saved who is in {group.name}.")
    return redirect("coaching:group", group.pk)


@require_POST
def group_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    group = get_group_for_coach(request.user, pk)
    services.delete_group(group)
    messages.success(request, f"Removed the group {group.name}.")
    return redirect("coaching:dashboard")
