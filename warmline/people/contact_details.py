"""Cleaning typed emails and phone numbers, with messages that say which one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from warmline.core.fields import max_length
from warmline.people.models import EmailAddress
from warmline.people.phones import InvalidPhoneNumber, normalize_phone


def split_lines(text: str) -> list[str]:
    """One value per line or comma; blanks dropped, order and first spelling kept."""
    values: list[str] = []
    for chunk in text.replace(",", "\n").splitlines():
        value = chunk.strip()
        if value and value.casefold() not in {v.casefold() for v in values}:
            values.append(value)
    return values


def clean_emails(values: list[str]) -> list[str]:
    most = max_length(EmailAddress, "address")
    cleaned: list[str] = []
    for value in values:
        if len(value) > most:
            raise ValidationError(
                f"{value[:40]!r}… is longer than an email address can be "
                f"({most} characters)."
            )
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(f"{value!r} is not an email address.") from None
        if value.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(value)
    return cleaned


def clean_phones(values: list[str]) -> list[str]:
    cleaned: list[str] = []
    for value in values:
        try:
            number = normalize_phone(value)
        except InvalidPhoneNumber as error:
            raise ValidationError(str(error)) from None
        if number not in cleaned:
            cleaned.append(number)
    return cleaned
