from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django import forms

from warmline.accounts.models import User
from warmline.core.fields import max_length
from warmline.core.ranges import check_date
from warmline.people.contact_details import clean_emails, clean_phones, split_lines
from warmline.people.models import Organization, Person, Tag
from warmline.people.widgets import PersonPicker


def tag_list(text: str) -> list[str]:
    """Tag names typed with commas between them ("fan, alumni"); a name too long to
    keep is refused, not cut."""
    tags = [t.strip() for t in text.split(",") if t.strip()]
    most = max_length(Tag, "name")
    if long := [t for t in tags if len(t) > most]:
        raise forms.ValidationError(
            f"A tag has at most {most} characters: {long[0][:30]!r}… has "
            f"{len(long[0])}."
        )
    return tags


class PersonChoiceField(forms.ModelChoiceField):
    """One of the owner's people, chosen with the search-as-you-type PersonPicker."""

    widget = PersonPicker

    def limit_to(self, owner_id: int, exclude: Person | None = None) -> None:
        people = Person.objects.filter(owner_id=owner_id)
        self.queryset = people.exclude(pk=exclude.pk) if exclude else people
        assert isinstance(self.widget, PersonPicker)
        self.widget.owner_id = owner_id
        self.widget.exclude_id = exclude.pk if exclude else None


class PersonForm(forms.Form):
    """Add or edit a person; on add, who introduced them."""

    name = forms.CharField(max_length=200)
    given_name = forms.CharField(
        max_length=100,
        required=False,
        help_text="For address books and notes (\u201cHi Sarah\u201d); left empty, "
        "taken from the name.",
    )
    family_name = forms.CharField(max_length=100, required=False)
    is_main_contact = forms.BooleanField(
        label="I know them directly (main contact)",
        required=False,
        help_text="A friend, former colleague or family member: degree 1.",
    )
    introduced_by = PersonChoiceField(
        queryset=Person.objects.none(),
        required=False,
        help_text="Who gave you this name? Their degree + 1 becomes this person's.",
    )
    organization = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "organizations"}),
    )
    title = forms.CharField(max_length=200, required=False)
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One per line.",
    )
    phones = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One per line; without a country code, numbers are read as local.",
    )
    linkedin_url = forms.URLField(
        label="LinkedIn URL", max_length=300, required=False, assume_scheme="https"
    )
    location = forms.CharField(max_length=200, required=False)
    tags = forms.CharField(
        max_length=500, required=False, help_text="Separated by commas: fan, alumni."
    )
    how_we_met = forms.CharField(max_length=300, required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(
        self, *args: Any, owner: User, person: Person | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        if person is None:
            introduced_by = self.fields["introduced_by"]
            assert isinstance(introduced_by, PersonChoiceField)
            introduced_by.limit_to(owner.pk)
        else:
            # Introducers of an existing person are managed on their page.
            del self.fields["introduced_by"]

    @staticmethod
    def initial_for(person: Person) -> dict[str, Any]:
        return {
            "name": person.name,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "is_main_contact": person.is_main_contact,
            "organization": person.organization.name if person.organization else "",
            "title": person.title,
            "emails": "\n".join(e.address for e in person.emails.all()),
            "phones": "\n".join(p.number for p in person.phones.all()),
            "linkedin_url": person.linkedin_url,
            "location": person.location,
            "tags": ", ".join(t.name for t in person.tags.all()),
            "how_we_met": person.how_we_met,
            "notes": person.notes,
        }

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("A person needs a name.")
        return name

    def clean_emails(self) -> list[str]:
        return clean_emails(split_lines(self.cleaned_data["emails"]))

    def clean_phones(self) -> list[str]:
        return clean_phones(split_lines(self.cleaned_data["phones"]))

    def clean_linkedin_url(self) -> str:
        url = self.cleaned_data["linkedin_url"]
        host = urlparse(url).hostname or ""
        if url and not (host == "linkedin.com" or host.endswith(".linkedin.com")):
            raise forms.ValidationError("This is not a linkedin.com address.")
        return url

    def clean_tags(self) -> list[str]:
        return tag_list(self.cleaned_data["tags"])

    def person_fields(self) -> dict[str, Any]:
        """The cleaned data as keyword arguments for services.create/update_person."""
        data = dict(self.cleaned_data)
        data.pop("introduced_by", None)
        return data


class IntroductionForm(forms.Form):
    introducer = PersonChoiceField(
        queryset=Person.objects.none(),
        label="Introduced by",
        help_text="Search your network by name.",
        error_messages={"required": "Choose who introduced them."},
    )
    introduced_on = forms.DateField(
        label="When",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[check_date],
    )
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, person: Person, **kwargs: Any):
        super().__init__(*args, **kwargs)
        introducer = self.fields["introducer"]
        assert isinstance(introducer, PersonChoiceField)
        introducer.limit_to(person.owner_id, exclude=person)


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "website", "industry", "is_target", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
