"""A person picker: type a few letters, choose among the matches (htmx), by id.

A <select> of everyone would send the whole network with every form; this sends
only the chosen person and fetches at most PICK_LIMIT matches as the user types.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse

from warmline.core.parsing import whole_number
from warmline.people.models import Person

PICK_LIMIT = 8


class PersonPicker(forms.Widget):
    template_name = "people/widgets/person_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.owner_id: int | None = None
        self.exclude_id: int | None = None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict:
        context = super().get_context(name, value, attrs)
        selected = None
        if (pk := whole_number(str(value))) is not None:
            selected = Person.objects.filter(owner_id=self.owner_id, pk=pk).first()
        context["widget"].update(
            selected=selected,
            pick_url=reverse("people:pick_hx"),
            exclude=self.exclude_id or "",
        )
        return context
