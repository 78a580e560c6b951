"""Checking imported values against the models before anything is written.

Every importer's rows go through `clean_rows`, so a value the database would refuse
(too long, a NUL, a date it cannot hold) never reaches it, and SQLite and
PostgreSQL behave the same. Limits are read from the model fields. Text too long
is cut (a name is still the name), values that are not what they claim (an email,
an http(s) link, a phone number with no digits) are left out, as a form would, and
a date outside the years Warmline keeps refuses the file with its line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from warmline.core.fields import max_length
from warmline.core.ranges import check_date
from warmline.exchange.rows import ImportFileError, ImportRow
from warmline.people.models import EmailAddress, Organization, Person, PhoneNumber, Tag
from warmline.people.names import splits_plainly
from warmline.people.phones import InvalidPhoneNumber, normalize_phone

NAME = max_length(Person, "name")
GIVEN_NAME = max_length(Person, "given_name")
FAMILY_NAME = max_length(Person, "family_name")
ORGANIZATION = max_length(Organization, "name")
TITLE = max_length(Person, "title")
LOCATION = max_length(Person, "location")
LINK = max_length(Person, "linkedin_url")
EMAIL = max_length(EmailAddress, "address")
EMAIL_LABEL = max_length(EmailAddress, "label")
PHONE = max_length(PhoneNumber, "number")
PHONE_LABEL = max_length(PhoneNumber, "label")
TAG = max_length(Tag, "name")

_http_only = URLValidator(schemes=["http", "https"])
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What nearly every link in an export is; URLValidator accepts all of them, and
# skipping it for these keeps a 50,000-row import fast.
_PROFILE = re.compile(r"https?://(?:[a-z]{2,3}\.)?linkedin\.com/in/[\w%-]{1,100}/?")


def text(value: str, most: int | None = None) -> str:
    """A value without NULs or surrounding blanks, cut to `most` characters."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    value = value.strip()
    return value[:most].rstrip() if most and len(value) > most else value


def line(value: str, most: int | None) -> str:
    """One-line text (a name, a title): runs of blanks and line breaks are a space."""
    if not value:
        return ""
    if "\x00" in value:
        value = value.replace("\x00", "")
    value = " ".join(value.split())
    return value[:most].rstrip() if most and len(value) > most else value


# Django's own patterns for an address's two parts, compiled here: validate_email
# reaches them through lazy objects, which cost more than the matching itself.
_USER = re.compile(validate_email.user_regex.pattern, validate_email.user_regex.flags)
_DOMAIN = re.compile(
    validate_email.domain_regex.pattern, validate_email.domain_regex.flags
)


def email(value: str) -> str | None:
    """The address if it is one the model can store (lower-cased, as it is kept)."""
    value = text(value).removeprefix("mailto:")
    if not value or "@" not in value or len(value.lower()) > EMAIL:
        return None
    user, domain = value.rsplit("@", 1)
    if _USER.match(user) and _DOMAIN.match(domain):
        return value  # what validate_email checks first, and accepts
    try:
        validate_email(value)  # an address at [an IP address], at localhost
    except ValidationError:
        return None
    return value


def link(value: str) -> str:
    """An http(s) address, or "" (javascript:, data:, ftp: and the like are left
    out); one written without a scheme, as people type them, is taken as https."""
    value = text(value)
    if _PROFILE.fullmatch(value):
        return value
    if value and not _SCHEME.match(value):
        value = "https://" + value
    try:
        _http_only(value)
    except ValidationError:
        return ""
    return value if len(value) <= LINK else ""


def phone_key(raw: str) -> str:
    """A number as it is matched and stored: E.164 where possible, else its digits."""
    try:
        return normalize_phone(raw)
    except InvalidPhoneNumber:
        return "".join(ch for ch in raw if ch.isdigit() or ch == "+")[:PHONE]


def tag(value: str) -> str:
    """A tag name as it is both looked up and created, so the two always agree."""
    return Tag.clean_name(value)


@functools.lru_cache(maxsize=16_384)  # a file names the same ones again and again
def organization(name: str) -> str:
    """The key an organization is matched by, cut as the column is."""
    return Organization.key_for(name)


def _date(value: dt.date | None, filename: str, row: int) -> dt.date | None:
    try:
        check_date(value)
    except ValidationError as error:
        raise ImportFileError(filename, row, error.messages[0]) from None
    return value


def _name_parts(name: str, given: str, family: str) -> tuple[str, str]:
    """The parts worth keeping: none when "Ana" and "Lima" only repeat "Ana Lima"
    (Person.name_parts splits it the same way), which is most rows of a large file
    and spares holding 400,000 strings."""
    if not (given or family):
        return "", ""
    given, family = line(given, GIVEN_NAME), line(family, FAMILY_NAME)
    return ("", "") if splits_plainly(name, given, family) else (given, family)


def clean_row(row: ImportRow, filename: str) -> ImportRow | None:
    """The row as it may be stored, or None when nothing names a person."""
    emails = [
        (e, line(label, EMAIL_LABEL)) for a, label in row.emails if (e := email(a))
    ]
    name = line(row.name, NAME) or (emails[0][0] if emails else "")
    if not name:
        return None
    phones = [
        (number, line(label, PHONE_LABEL))
        for number, label in row.phones
        if any(ch.isdigit() for ch in phone_key(number))
    ]
    given, family = _name_parts(name, row.given_name, row.family_name)
    return ImportRow(
        line=row.line,
        name=name,
        given_name=given,
        family_name=family,
        emails=emails,
        phones=phones,
        organization=line(row.organization, ORGANIZATION),
        title=line(row.title, TITLE),
        linkedin_url=link(row.linkedin_url),
        location=line(row.location, LOCATION),
        notes=text(row.notes),
        connected_on=_date(row.connected_on, filename, row.line),
        tags=[t for t in map(tag, row.tags) if t],
    )


class CleanedRows(list[ImportRow]):
    """The rows to import; the lines left out, and the values left out of the rows
    kept, each with why (the preview and the command say so)."""

    skipped: list[tuple[int, str]]
    values_left_out: list[tuple[int, str, str]]  # line, name, what


def _left_out(raw: ImportRow, kept: ImportRow) -> list[str]:
    """What the file gave that cleaning could not keep."""
    emails = {address.lower() for address, _ in kept.emails}
    what = [
        f"the email {text(a)[:60]!r} (not an address that can be kept)"
        for a, _ in raw.emails
        if text(a) and text(a).removeprefix("mailto:").lower() not in emails
    ]
    if len(kept.phones) < len([n for n, _ in raw.phones if text(n)]):
        what.append("a phone number with no digits")
    if text(raw.linkedin_url) and not kept.linkedin_url:
        what.append(f"the link {text(raw.linkedin_url)[:60]!r} (only http(s) is kept)")
    return what


def clean_rows(rows: Iterable[ImportRow], filename: str) -> CleanedRows:
    kept = CleanedRows()
    kept.skipped, kept.values_left_out = [], []
    for row in rows:
        if (cleaned := clean_row(row, filename)) is None:
            kept.skipped.append((row.line, "no name and no email address"))
            continue
        kept.append(cleaned)
        nothing_dropped = (
            len(cleaned.emails) == len(row.emails)
            and len(cleaned.phones) == len(row.phones)
            and bool(cleaned.linkedin_url) == bool(row.linkedin_url)
        )
        if not nothing_dropped:  # the common case costs three comparisons
            for what in _left_out(row, cleaned):
                kept.values_left_out.append((row.line, cleaned.name, what))
    return kept
