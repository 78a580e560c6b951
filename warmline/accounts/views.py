"""The seeker's profile: the two-minute story and why this field, used to prepare."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "two_minute_story", "why_this_field"]
        widgets = {
            "two_minute_story": forms.Textarea(attrs={"rows": 6}),
            "why_this_field": forms.Textarea(attrs={"rows": 4}),
        }


@require_http_methods(["GET", "POST"])
def profile(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved your profile.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
