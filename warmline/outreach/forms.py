from __future__ import annotations

from typing import Any

from django import forms

from warmline.core.ranges import check_date
from warmline.outreach.message_text import validate_template_text
from warmline.outreach.models import CallList, Channel, MessageTemplate
from warmline.outreach.queries import LIST_PRESETS
from warmline.people.forms import PersonChoiceField
from warmline.people.models import Person
from warmline.people.queries import DEGREE_FILTERS


class CallListForm(forms.ModelForm):
    class Meta:
        model = CallList
        fields = ["name", "purpose"]


class AddPersonForm(forms.Form):
    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Add a person",
        help_text="Search your network by name.",
    )

    def __init__(self, *args: Any, owner_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, PersonChoiceField)
        field.limit_to(owner_id)


class AddByFilterForm(forms.Form):
    preset = forms.ChoiceField(
        choices=[("", "—"), *LIST_PRESETS.items()], required=False, label="Who"
    )
    tag = forms.CharField(required=False, max_length=60)
    degree = forms.ChoiceField(
        choices=[("", "Any degree"), *DEGREE_FILTERS.items()], required=False
    )
    organization = forms.CharField(required=False, max_length=200)


class AttemptForm(forms.Form):
    outcome = forms.ChoiceField(choices=[])
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.PHONE)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    call_back_on = forms.DateField(
        label="Call back on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[check_date],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from warmline.outreach.models import AttemptOutcome

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = AttemptOutcome.choices  # type: ignore[attr-defined]


class TemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["name", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def clean_subject(self) -> str:
        validate_template_text(self.cleaned_data["subject"])
        return self.cleaned_data["subject"]

    def clean_body(self) -> str:
        validate_template_text(self.cleaned_data["body"])
        return self.cleaned_data["body"]
