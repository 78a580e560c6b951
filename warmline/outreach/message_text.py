"""Message templates: outreach that asks for advice, not a job, with placeholders.

Warmline writes these in the user's name, so it never makes up what the user did not
say: a line whose placeholder has nothing to fill it (nobody introduced them, no story
or name on the profile yet) is left out whole, instead of being filled with a guess.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.outreach.models import MessageTemplate
from warmline.people.models import Person
from warmline.people.queries import introducer_on_chain, introductions_received

PLACEHOLDERS = {
    "first_name": "their first name",
    "name": "their full name",
    "introducer": "who introduced you to them",
    "organization": "where they work",
    "title": "their job title",
    "my_name": "your first and last name, from your profile",
    "my_story": "your two-minute story, from your profile",
}
# The placeholders filled from the user's profile (the rest describe the person).
FROM_PROFILE = ("my_name", "my_story")

DEFAULT_TEMPLATES = [
    (
        "Request for advice",
        "A request for advice",
        "Hi {first_name},\n\n{introducer} suggested I get in touch with you.\n\n"
        "{my_story}\n\nCould I have twenty minutes of your time for advice? I would "
        "value your view of your work and what you wish you had known starting out."
        "\n\nThank you,\n{my_name}",
    ),
    (
        "Follow-up",
        "Following up",
        "Hi {first_name},\n\nI wanted to follow up on my earlier note. I know you are "
        "busy; if twenty minutes for advice in the next few weeks works, I would be "
        "grateful.\n\nBest,\n{my_name}",
    ),
    (
        "Thank-you",
        "Thank you",
        "Hi {first_name},\n\nThank you for your time and your advice. [What was most "
        "useful, in a sentence or two.]\n\nWith thanks,\n{my_name}",
    ),
    (
        "Update to an introducer",
        "How my conversation with {first_name} went",
        "Hi {introducer},\n\nI met {name} thanks to you. [What was useful.]\n\n"
        "Thank you again for the introduction.\n\n{my_name}",
    ),
]


# Default templates of earlier versions, word for word (they spoke for the user: a
# biography, "a friend suggested"). A copy left as it was is no text of the user's:
# migration 0007 and imports of old exports replace it with today's default.
RETIRED_DEFAULTS: dict[str, tuple[str, str]] = {
    "Request for advice": (
        "{introducer} suggested I get in touch",
        "Hi {first_name},\n\n{introducer} suggested I reach out to you. I spent ten "
        "years teaching and I am exploring a move into your kind of work. Could I have "
        "twenty minutes of your time for advice? I would value your view of the field "
        "and what you wish you had known starting out.\n\nThank you,\n{my_name}",
    ),
    "Follow-up": (
        "Following up",
        "Hi {first_name},\n\nI wanted to follow up on my note from last week. I know "
        "you are busy; if twenty minutes for advice in the next few weeks works, I "
        "would be grateful.\n\nBest,\n{my_name}",
    ),
    "Thank-you": (
        "Thank you",
        "Hi {first_name},\n\nThank you for your time today. What you said about [what "
        "was most useful] changed how I am approaching this, and I will follow up with "
        "the people you mentioned.\n\nWith thanks,\n{my_name}",
    ),
    "Update to an introducer": (
        "How my conversation with {first_name} went",
        "Hi {introducer},\n\nI met {name} from {organization} thanks to you. It was "
        "[what was useful]. Thank you again for the introduction.\n\n{my_name}",
    ),
}


def same_text(a: str, b: str) -> bool:
    """Saving a template unchanged from the web turns its line ends into CRLF."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


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


def values_from_profile(user: User) -> dict[str, str]:
    """What the user has said about themselves: the name they sign with (never the
    account name) and their two-minute story; blank until they write it."""
    return {
        "my_name": user.get_full_name(),
        "my_story": user.two_minute_story.strip(),
    }


def missing_from_profile(user: User) -> list[str]:
    """The profile placeholders with nothing to fill them yet, as the page names
    them (so it can invite the user to write them)."""
    return [name for name, value in values_from_profile(user).items() if not value]


def introducer_for(person: Person, chain: list[Person]) -> Person | None:
    """Who to name as having suggested the call: nobody for a main contact; else who
    introduced them on their chain, or, off any chain, the first who introduced them."""
    if person.is_main_contact:
        return None
    if on_chain := introducer_on_chain(person, chain):
        return on_chain
    first = introductions_received(person).first()
    return first.introducer if first else None


def values_for(person: Person, user: User, introducer: str | None) -> dict[str, str]:
    """Every placeholder's text for this person; blank where nothing is known."""
    return {
        "first_name": person.first_name,
        "name": person.name,
        "introducer": introducer or "",
        "organization": person.organization.name if person.organization else "",
        "title": person.title,
        **values_from_profile(user),
    }


_TOKEN = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def _names_in(text: str) -> set[str]:
    """The placeholders in a stored template, however malformed the rest."""
    return {m.group(1) for m in _TOKEN.finditer(text) if m.group(1)}


def render(text: str, values: dict[str, str]) -> str:
    """Fill in known placeholders, leaving out each line whose placeholder is blank
    (and the blank line it would leave doubled); anything else stays as typed."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(match.group(1), token)

    kept: list[str] = []
    left_out = False  # since the last line with text
    for line in text.split("\n"):
        if any(name in values and not values[name] for name in _names_in(line)):
            left_out = True
            continue
        blank = not line.strip()
        if blank and left_out and (not kept or not kept[-1].strip()):
            continue
        if not blank:
            left_out = False
        kept.append(_TOKEN.sub(replace, line))
    while left_out and kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept)


@dataclass
class Message:
    """A template written out for one person; `left_out` names the profile
    placeholders it uses that the profile leaves blank (their lines are missing)."""

    name: str
    subject: str
    body: str
    left_out: list[str]


def messages_for(person: Person, user: User, chain: list[Person]) -> list[Message]:
    """Every template of the user's that fits this person, written out for them."""
    return _written_out(MessageTemplate.objects.filter(owner=user), person, user, chain)


def opener_for(person: Person, user: User, chain: list[Person]) -> Message | None:
    """The user's first template that fits, written out for this person: the
    opener a call session suggests."""
    return next(iter(messages_for(person, user, chain)), None)


def left_out_of(messages: Iterable[Message]) -> list[str]:
    """The profile placeholders any of these messages left out, in profile order
    (what the page invites the user to write)."""
    missing = {name for m in messages for name in m.left_out}
    return [name for name in FROM_PROFILE if name in missing]


def addressed_to_introducer(template: MessageTemplate) -> bool:
    """Whether the template is written to whoever introduced the person: its first
    line names {introducer} ("Hi {introducer},"). Without an introducer there is
    nobody to send it to, so it is left out rather than written to no one."""
    first = next((line for line in template.body.split("\n") if line.strip()), "")
    return "introducer" in _names_in(first)


def _written_out(
    templates: Iterable[MessageTemplate],
    person: Person,
    user: User,
    chain: list[Person],
) -> list[Message]:
    introducer = introducer_for(person, chain)
    values = values_for(person, user, introducer.name if introducer else None)
    fitting = [t for t in templates if introducer or not addressed_to_introducer(t)]
    return [
        Message(
            t.name,
            render(t.subject, values),
            render(t.body, values),
            [
                name
                for name in FROM_PROFILE
                if not values[name] and name in _names_in(t.subject + t.body)
            ],
        )
        for t in fitting
    ]
