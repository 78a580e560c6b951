from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core.ranges import LONGEST_MEETING_MINUTES, check_date
from warmline.meetings.models import (
    CareerPath,
    JobLead,
    Meeting,
    Question,
    ResumeVersion,
)
from warmline.meetings.resumes import validate_resume
from warmline.outreach.models import Channel
from warmline.people.forms import PersonChoiceField
from warmline.people.models import Person

DATETIME_INPUT = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingForm(forms.ModelForm):
    person = PersonChoiceField(
        queryset=Person.objects.none(),
        label="With",
        help_text="Search your network by name.",
        error_messages={"required": "Choose who you are meeting."},
    )

    class Meta:
        model = Meeting
        fields = [
            "person",
            "at",
            "duration_minutes",
            "mode",
            "kind",
            "place",
            "is_pure",
            "resume",
            "goals",
            "research_notes",
            "why_organization",
        ]
        widgets = {
            "at": DATETIME_INPUT,
            # The browser's own bounds say what the model's validators will.
            "duration_minutes": forms.NumberInput(
                attrs={"min": 1, "max": LONGEST_MEETING_MINUTES}
            ),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "research_notes": forms.Textarea(attrs={"rows": 4}),
            "why_organization": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, PersonChoiceField)
        person.limit_to(owner.pk)
        resume = self.fields["resume"]
        assert isinstance(resume, forms.ModelChoiceField)
        resume.queryset = ResumeVersion.objects.filter(owner=owner)
        resume.empty_label = "None chosen yet"


class OutcomeForm(forms.Form):
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    resume_feedback = forms.CharField(
        label="Feedback on my resume",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    learned_company = forms.CharField(
        label="What I learned about the company",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    learned_field = forms.CharField(
        label="… about the field",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    learned_work = forms.CharField(
        label="… about the type of work",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    felt = forms.TypedChoiceField(
        label="How it felt",
        choices=[("", "—")] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="1: rough, 5: wonderful.",
    )
    is_fan = forms.BooleanField(
        label="They are a fan now: they helped, or will advocate for me",
        required=False,
    )


class ReferralForm(forms.Form):
    name = forms.CharField(max_length=200)
    organization = forms.CharField(max_length=200, required=False)
    title = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    match = forms.CharField(required=False, widget=forms.HiddenInput)


class PathForm(forms.Form):
    existing = forms.ModelChoiceField(
        queryset=CareerPath.objects.none(),
        required=False,
        label="A path you have",
        empty_label="—",
    )
    title = forms.CharField(max_length=200, required=False, label="or a new one")

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        existing = self.fields["existing"]
        assert isinstance(existing, forms.ModelChoiceField)
        existing.queryset = CareerPath.objects.filter(owner=owner)


class LeadForm(forms.Form):
    role = forms.CharField(max_length=200)
    organization = forms.CharField(max_length=200, required=False)
    link = forms.URLField(max_length=500, required=False, assume_scheme="https")


class ResumeForm(forms.Form):
    file = forms.FileField(help_text="PDF, DOCX, ODT or TXT.")
    label = forms.CharField(
        max_length=120, required=False, help_text="e.g. UX research"
    )
    dated = forms.DateField(
        widget=DATE_INPUT, initial=timezone.localdate, validators=[check_date]
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_resume(upload)
        return upload


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "category"]


class CareerPathForm(forms.ModelForm):
    class Meta:
        model = CareerPath
        fields = ["title", "status", "description", "next_step"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class JobLeadForm(forms.ModelForm):
    organization_name = forms.CharField(
        label="Organization", max_length=200, required=False
    )
    link = forms.URLField(max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = JobLead
        fields = ["role", "organization_name", "link", "status", "heard_on", "notes"]
        widgets = {"heard_on": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 3})}


class BookMeetingForm(forms.Form):
    at = forms.DateTimeField(
        label="When",
        validators=[check_date],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    mode = forms.ChoiceField(
        choices=Meeting.Mode.choices, initial=Meeting.Mode.FACE_TO_FACE
    )
    kind = forms.ChoiceField(choices=Meeting.Kind.choices, initial=Meeting.Kind.NETWORK)
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.PHONE)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
