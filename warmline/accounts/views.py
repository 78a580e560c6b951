"""The seeker's profile: the two-minute story and why this field, used to prepare."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from warmline.accounts import services
from warmline.accounts.forms import ProfileForm
from warmline.accounts.http import AuthedRequest


@require_http_methods(["GET", "POST"])
def profile(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, **form.cleaned_data)
        messages.success(request, "Saved your profile.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
