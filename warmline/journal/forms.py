"""The journal entry form: what it says, when, its tags and whom it is about."""

from __future__ import annotations

from typing import Any

from django import forms

from warmline.accounts.models import User
from warmline.core.dates import day
from warmline.core.ranges import check_date
from warmline.journal.models import JournalEntry
from warmline.meetings.forms import DATE_INPUT
from warmline.meetings.models import Meeting
from warmline.people.forms import PersonChoiceField, tag_list
from warmline.people.models import Person


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        meeting: Meeting = obj
        kind, name = meeting.get_kind_display(), meeting.person.name
        return f"{day(meeting.at)}: {kind} with {name}"


class EntryForm(forms.Form):
    """Write or edit an entry. Linked people and meetings show as boxes to keep or
    untick; one more of each can be added (a person by search, a meeting from a
    list), so the form never carries the whole network."""

    title = forms.CharField(
        max_length=200, error_messages={"required": "Give the entry a title."}
    )
    day = forms.DateField(widget=DATE_INPUT, validators=[check_date])
    body = forms.CharField(
        label="Entry",
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=JournalEntry._meta.get_field("body").help_text,
    )
    tags = forms.CharField(
        max_length=500, required=False, help_text="Separated by commas: lessons, ux."
    )
    is_shared = forms.BooleanField(
        label="Share it",
        required=False,
        help_text=JournalEntry._meta.get_field("is_shared").help_text,
    )
    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="About these people",
    )
    add_person = PersonChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Add a person",
        help_text="Search your network by name.",
    )
    meetings = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="About these meetings",
    )
    add_meeting = MeetingChoice(
        queryset=Meeting.objects.none(),
        required=False,
        label="Add a meeting",
        empty_label="None",
    )

    def __init__(
        self,
        *args: Any,
        owner: User,
        people: list[Person] | None = None,
        meetings: list[Meeting] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = Person.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["meetings"].queryset = Meeting.objects.filter(owner=owner)  # type: ignore[attr-defined]
        # Boxes only for what is linked already (or was ticked when the form came
        # back with an error): the querysets above check what is posted.
        linked_people = list(people or [])
        linked_meetings = list(meetings or [])
        if self.is_bound:
            linked_people = list(
                Person.objects.filter(owner=owner, pk__in=_ids(self.data, "people"))
            )
            linked_meetings = list(
                Meeting.objects.filter(
                    owner=owner, pk__in=_ids(self.data, "meetings")
                ).select_related("person")
            )
        self.fields["people"].widget.choices = [(p.pk, p.name) for p in linked_people]  # type: ignore[attr-defined]
        label = MeetingChoice.label_from_instance
        self.fields["meetings"].widget.choices = [  # type: ignore[attr-defined]
            (m.pk, label(self.fields["add_meeting"], m))  # type: ignore[arg-type]
            for m in linked_meetings
        ]
        add_person = self.fields["add_person"]
        assert isinstance(add_person, PersonChoiceField)
        add_person.limit_to(owner.pk)
        self.fields["add_meeting"].queryset = (  # type: ignore[attr-defined]
            Meeting.objects.filter(owner=owner)
            .exclude(pk__in=[m.pk for m in linked_meetings])
            .select_related("person")
            .order_by("-at")
        )
        if not self.is_bound:
            self.initial.setdefault("people", [p.pk for p in linked_people])
            self.initial.setdefault("meetings", [m.pk for m in linked_meetings])

    def clean_tags(self) -> list[str]:
        return tag_list(self.cleaned_data["tags"])

    def entry_fields(self) -> dict[str, Any]:
        """What the services take: the fields, and the links with the added ones."""
        data = self.cleaned_data
        people = list(data["people"])
        if (person := data.get("add_person")) and person not in people:
            people.append(person)
        meetings = list(data["meetings"])
        if (meeting := data.get("add_meeting")) and meeting not in meetings:
            meetings.append(meeting)
        return {
            "title": data["title"],
            "day": data["day"],
            "body": data["body"],
            "tags": data["tags"],
            "is_shared": data["is_shared"],
            "people": people,
            "meetings": meetings,
        }

    @classmethod
    def initial_for(cls, entry: JournalEntry) -> dict[str, Any]:
        return {
            "title": entry.title,
            "day": entry.day,
            "body": entry.body,
            "tags": ", ".join(t.name for t in entry.tags.all()),
            "is_shared": entry.is_shared,
        }


def _ids(data: Any, name: str) -> list[int]:
    """The ids posted under `name` (ticked boxes), ignoring anything else."""
    values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    return [int(v) for v in map(str, values) if v.isdigit() and len(v) < 19]
