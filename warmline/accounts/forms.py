"""The seeker's own settings: profile and weekly goals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from warmline.accounts.models import User
from warmline.core.zones import zone_names


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label="Time zone",
        required=False,
        help_text=User._meta.get_field("time_zone").help_text,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        server = f"The server's ({settings.TIME_ZONE})"
        choices = [("", server), *((name, name) for name in zone_names())]
        field = self.fields["time_zone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "two_minute_story",
            "why_this_field",
            "time_zone",
            "report_email",
            "feed_has_reports",
        ]
        widgets = {
            "two_minute_story": forms.Textarea(attrs={"rows": 6}),
            "why_this_field": forms.Textarea(attrs={"rows": 4}),
        }


class GoalsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["goal_calls", "goal_meetings", "goal_names"]
