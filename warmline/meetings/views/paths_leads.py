"""Career paths (a board by status) and job leads (with the chain that led to them)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.meetings import queries, services
from warmline.meetings.access import get_lead_for_user, get_path_for_user
from warmline.meetings.forms import CareerPathForm, JobLeadForm
from warmline.meetings.models import CareerPath, JobLead


@require_http_methods(["GET", "POST"])
def path_board(request: AuthedRequest) -> HttpResponse:
    form = CareerPathForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        path = services.create_path(request.user, **form.cleaned_data)
        messages.success(request, f"Added the path {path.title}.")
        return redirect("meetings:path_board")
    board = queries.paths_board(request.user)
    columns = [(label, board[value]) for value, label in CareerPath.Status.choices]
    return render(
        request, "meetings/path_board.html", {"columns": columns, "form": form}
    )


@require_http_methods(["GET", "POST"])
def path_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    path = get_path_for_user(request.user, pk)
    form = CareerPathForm(request.POST or None, instance=path)
    if request.method == "POST" and form.is_valid():
        services.update_path(path, **form.cleaned_data)
        messages.success(request, f"Saved {path.title}.")
        return redirect(path)
    return render(
        request,
        "meetings/path_detail.html",
        {
            "path": path,
            "form": form,
            "people": path.people.select_related("organization"),
            "meetings": path.meetings.select_related("person"),
        },
    )


@require_POST
def path_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    path = get_path_for_user(request.user, pk)
    services.delete_path(path)
    messages.success(request, f"Deleted the path {path.title}.")
    return redirect("meetings:path_board")


def lead_list(request: AuthedRequest) -> HttpResponse:
    leads = JobLead.objects.filter(owner=request.user)
    if (status := request.GET.get("status", "")) in JobLead.Status.values:
        leads = leads.filter(status=status)
    return render(
        request,
        "meetings/lead_list.html",
        {
            "rows": queries.leads_with_chains(leads),
            "status": status,
            "statuses": JobLead.Status.choices,
        },
    )


@require_http_methods(["GET", "POST"])
def lead_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    lead = get_lead_for_user(request.user, pk)
    initial = {"organization_name": lead.organization.name if lead.organization else ""}
    form = JobLeadForm(request.POST or None, instance=lead, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_lead(lead, **form.cleaned_data)
        messages.success(request, f"Saved {lead}.")
        return redirect("meetings:lead_list")
    chain = queries.leads_with_chains(JobLead.objects.filter(pk=lead.pk))[0]["chain"]
    return render(
        request, "meetings/lead_form.html", {"form": form, "lead": lead, "chain": chain}
    )
