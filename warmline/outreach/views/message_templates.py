"""Message templates: a small library of outreach that asks for advice, not a job."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.outreach import services
from warmline.outreach.access import get_template_for_user
from warmline.outreach.forms import TemplateForm
from warmline.outreach.message_text import PLACEHOLDERS, missing_from_profile
from warmline.outreach.models import MessageTemplate


@require_http_methods(["GET", "POST"])
def template_list(request: AuthedRequest) -> HttpResponse:
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = services.add_template(request.user, **form.cleaned_data)
        messages.success(request, f"Added the template {template.name}.")
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/templates.html",
        {
            "templates": MessageTemplate.objects.filter(owner=request.user),
            "form": form,
            "placeholders": PLACEHOLDERS,
            "missing_from_profile": missing_from_profile(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def template_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    template = get_template_for_user(request.user, pk)
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        services.update_template(template, **form.cleaned_data)
        messages.success(request, f"Saved {template.name}.")
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/template_form.html",
        {
            "form": form,
            "template": template,
            "placeholders": PLACEHOLDERS,
            "missing_from_profile": missing_from_profile(request.user),
        },
    )


@require_POST
def template_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    template = get_template_for_user(request.user, pk)
    services.delete_template(template)
    messages.success(request, f"Deleted {template.name}.")
    return redirect("outreach:templates")
