"""Message templates: outreach that asks for advice, not a job, with placeholders."""

from __future__ import annotations

import re
import string

from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.outreach.models import MessageTemplate
from warmline.people.models import Person
from warmline.people.queries import introducer_on_chain

PLACEHOLDERS = {
    "first_name": "their first name",
    "name": "their full name",
    "introducer": "who introduced you (or a friend in common)",
    "organization": "where they work",
    "title": "their job title",
    "my_name": "your name",
}

DEFAULT_TEMPLATES = [
    (
        "Request for advice",
        "{introducer} suggested I get in touch",
        "Hi {first_name},\n\n{introducer} suggested I reach out to you. I spent ten years "
        "teaching and I am exploring a move into your kind of work. Could I have twenty "
        "minutes of your time for advice? I would value your view of the field and what "
        "you wish you had known starting out.\n\nThank you,\n{my_name}",
    ),
    (
        "Follow-up",
        "Following up",
        "Hi {first_name},\n\nI wanted to follow up on my note "
        "from last week. I know you are busy; if twenty minutes for advice in the next few "
        "weeks works, I would be grateful.\n\nBest,\n{my_name}",
    ),
    (
        "Thank-you",
        "Thank you",
        "Hi {first_name},\n\nThank you for your time today. What "
        "you said about [what was most useful] changed how I am approaching this, and I "
        "will follow up with the people you mentioned.\n\nWith thanks,\n{my_name}",
    ),
    (
        "Update to an introducer",
        "How my conversation with {first_name} went",
        "Hi {introducer},\n\nI met {name} from {organization} thanks to you. It was "
        "[what was useful]. Thank you again for the introduction.\n\n{my_name}",
    ),
]


def placeholders_in(text: str) -> set[str]:
    """The {names} in a template; malformed braces are a ValidationError."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValidationError(
            f"Braces do not match: {error}. Write {{{{ for a brace."
        ) from None
    names = set()
    for _, field_name, format_spec, conversion in parsed:
        if field_name is None:
            continue
        if not field_name or format_spec or conversion:
            raise ValidationError(
                f"{{{field_name}}} is not a placeholder Warmline knows."
            )
        names.add(field_name)
    return names


def validate_template_text(text: str) -> None:
    unknown = placeholders_in(text) - set(PLACEHOLDERS)
    if unknown:
        known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
        listed = ", ".join(f"{{{u}}}" for u in sorted(unknown))
        raise ValidationError(f"Unknown placeholder {listed}. You can use {known}.")


def values_for(person: Person, user: User, introducer: str | None) -> dict[str, str]:
    first = person.first_name
    return {
        "first_name": first,
        "name": person.name,
        "introducer": introducer or "A friend",
        "organization": person.organization.name
        if person.organization
        else "your team",
        "title": person.title or "your role",
        "my_name": user.get_full_name() or user.username,
    }


_TOKEN = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def render(text: str, values: dict[str, str]) -> str:
    """Fill in known placeholders; anything else stays as typed, never an error."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(match.group(1), token)

    return _TOKEN.sub(replace, text)


def messages_for(
    person: Person, user: User, chain: list[Person]
) -> list[dict[str, str]]:
    """Every template of the user's, written out for this person."""
    introducer = introducer_on_chain(person, chain)
    values = values_for(person, user, introducer.name if introducer else None)
    return [
        {
            "name": t.name,
            "subject": render(t.subject, values),
            "body": render(t.body, values),
        }
        for t in MessageTemplate.objects.filter(owner=user)
    ]
