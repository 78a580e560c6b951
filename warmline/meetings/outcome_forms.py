"""The outcome page's forms: the outcome, plus names, paths and leads as formsets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseFormSet
from django.http import QueryDict

from warmline.meetings.forms import LeadForm, OutcomeForm, PathForm, ReferralForm
from warmline.meetings.models import Meeting, Outcome
from warmline.meetings.outcomes import (
    LeadMention,
    OutcomeData,
    OutcomeError,
    PathSuggestion,
    Referral,
)
from warmline.people.fans import fan_status

ReferralFormSet = forms.formset_factory(ReferralForm, extra=1)
PathFormSet = forms.formset_factory(PathForm, extra=1)
LeadFormSet = forms.formset_factory(LeadForm, extra=1)
FORMSETS: dict[str, type[BaseFormSet]] = {
    "referrals": ReferralFormSet,
    "paths": PathFormSet,
    "leads": LeadFormSet,
}


def formset_kwargs(prefix: str, meeting: Meeting) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"prefix": prefix}
    if prefix == "paths":
        kwargs["form_kwargs"] = {"owner": meeting.owner}
    return kwargs


class OutcomeForms:
    """Binds, validates and turns into OutcomeData everything on the outcome page."""

    def __init__(self, data: QueryDict | None, meeting: Meeting) -> None:
        self.meeting = meeting
        self.outcome = Outcome.objects.filter(meeting=meeting).first()
        self.form = OutcomeForm(data, initial=self._initial())
        self.formsets = {
            prefix: formset(data, **formset_kwargs(prefix, meeting))
            for prefix, formset in FORMSETS.items()
        }
        self.candidates: dict[int, list[Any]] = {}

    def _initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {"is_fan": fan_status(self.meeting.person).is_fan}
        if self.outcome:
            for name in (
                "notes",
                "resume_feedback",
                "learned_company",
                "learned_field",
                "learned_work",
                "felt",
            ):
                initial[name] = getattr(self.outcome, name)
        return initial

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        return all([valid, *(fs.is_valid() for fs in self.formsets.values())])

    def _filled(self, prefix: str) -> list[dict[str, Any]]:
        return [
            form.cleaned_data
            for form in self.formsets[prefix].forms
            if form.has_changed() and form.cleaned_data
        ]

    def data(self) -> OutcomeData:
        cleaned = self.form.cleaned_data
        return OutcomeData(
            notes=cleaned["notes"],
            resume_feedback=cleaned["resume_feedback"],
            learned_company=cleaned["learned_company"],
            learned_field=cleaned["learned_field"],
            learned_work=cleaned["learned_work"],
            felt=cleaned["felt"],
            # Only a changed box is the user's word; untouched, the record decides.
            is_fan=cleaned["is_fan"] if "is_fan" in self.form.changed_data else None,
            referrals=[Referral(**row) for row in self._filled("referrals")],
            paths=[
                PathSuggestion(
                    title=row["title"],
                    existing_id=row["existing"].pk if row["existing"] else None,
                )
                for row in self._filled("paths")
            ],
            leads=[LeadMention(**row) for row in self._filled("leads")],
        )

    def show_error(self, error: OutcomeError) -> None:
        """Put what the service refused next to the row it came from."""
        filled = [f for f in self.formsets["referrals"].forms if f.has_changed()]
        for index, message in error.referrals.items():
            filled[index].add_error(None, message)
        for index, people in error.candidates.items():
            form = filled[index]
            form.candidates = people  # type: ignore[attr-defined]
            form.add_error(
                None,
                f"{form.cleaned_data['name']} may already be in your network: "
                "choose below, then save again.",
            )
        for message in error.general:
            self.form.add_error(None, message)
