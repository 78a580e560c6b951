"""Insights, the network graph, targets, the planner and the weekly report."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.coaching.models import Comment
from warmline.core.parsing import whole_number
from warmline.insights import (
    metrics,
    network,
    networkers,
    numbers,
    planner,
    report,
    targets,
)
from warmline.people.access import get_organization_for_user
from warmline.people.services import mark_target, unmark_target


def insights(request: AuthedRequest) -> HttpResponse:
    period = metrics.Period.of(request.GET.get("period", "12w"))
    owner = request.user
    wanted = request.GET.get("meetings", "")
    per_week = whole_number(wanted, low=1, high=50) or owner.goal_meetings
    rates = planner.rates_for(owner)
    charts = {
        "funnel": metrics.funnel(owner, period),
        "weekly": metrics.weekly(owner, 12 if period.key != "4w" else 4),
        "growth": metrics.growth(owner, period),
    }
    return render(
        request,
        "insights/insights.html",
        {
            "period": period,
            "periods": metrics.PERIODS,
            "charts": charts,
            "funnel": charts["funnel"],
            "funnel_numbers": numbers.shown(charts["funnel"]["counts"], metrics.FUNNEL),
            **metrics.yields(owner, period),
            "responses": metrics.response_by_channel(owner, period),
            "networkers": networkers.true_networkers(owner),
            "paths": metrics.paths_by_status(owner),
            "plan": planner.plan(rates, per_week),
        },
    )


def network_page(request: AuthedRequest) -> HttpResponse:
    return render(request, "insights/network.html", {"params": request.GET.urlencode()})


def network_data(request: AuthedRequest) -> JsonResponse:
    return JsonResponse(
        network.graph(
            request.user,
            degree=request.GET.get("degree", ""),
            tag=request.GET.get("tag", ""),
            organization=request.GET.get("organization", ""),
        )
    )


def _score(value: str, name: str) -> int | None:
    """A score from the form: empty keeps the one given before."""
    if not value.strip():
        return None
    if (score := whole_number(value)) is None:
        raise ValidationError(f"The {name} is a whole number.")
    return score


@require_http_methods(["GET", "POST"])
def target_list(request: AuthedRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            org = mark_target(
                request.user,
                request.POST.get("organization", ""),
                motivation=_score(request.POST.get("motivation", ""), "motivation"),
                postings=_score(request.POST.get("postings", ""), "postings"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{org.name} is a target.")
        return redirect("insights:targets")
    return render(
        request, "insights/targets.html", {"targets": targets.targets(request.user)}
    )


@require_POST
def target_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    unmark_target(get_organization_for_user(request.user, pk))
    return redirect("insights:targets")


def weekly_report(request: AuthedRequest) -> HttpResponse:
    try:
        monday = report.parse_week(request.GET.get("week"))
    except ValueError as error:
        messages.error(request, str(error))
        monday = report.parse_week(None)
    data = report.weekly_report(request.user, monday)
    previous, following = (
        report.week_name(monday + dt.timedelta(weeks=n)) for n in (-1, 1)
    )
    return render(
        request,
        "insights/report.html",
        {
            "numbers": numbers.shown(data),
            "first": monday,
            "last": monday + dt.timedelta(days=6),
            "r": data,
            "previous": previous,
            "following": following,
            "seeker": request.user,
            "comments": Comment.objects.filter(
                seeker=request.user, week=monday
            ).select_related("author"),
        },
    )
