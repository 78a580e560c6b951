"""The seeker's own settings: profile and weekly goals."""

from __future__ import annotations

from django import forms

from warmline.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "two_minute_story", "why_this_field"]
        widgets = {
            "two_minute_story": forms.Textarea(attrs={"rows": 6}),
            "why_this_field": forms.Textarea(attrs={"rows": 4}),
        }


class GoalsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["goal_calls", "goal_meetings", "goal_names"]
