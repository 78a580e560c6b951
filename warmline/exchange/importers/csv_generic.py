"""Any CSV, with a mapping from Warmline's fields to the file's column names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from warmline.exchange.formulas import restore
from warmline.exchange.rows import (
    Header,
    ImportFileError,
    ImportRow,
    csv_rows,
    decode,
    join_name,
)

FIELDS = {
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email",
    "phone": "Phone",
    "organization": "Organization",
    "title": "Title",
    "linkedin_url": "LinkedIn URL",
    "location": "Location",
    "notes": "Notes",
    "tags": "Tags (comma-separated)",
}
# Other headers each field goes by, compared without case, blanks or punctuation;
# Warmline's own CSV export among them, so it comes back in as it went out.
ALIASES = {
    "name": {"fullname", "displayname", "contact"},
    "first_name": {"givenname", "firstname", "forename"},
    "last_name": {"familyname", "lastname", "surname"},
    "email": {"emails", "emailaddress", "mail", "email1"},
    "phone": {"phones", "phonenumber", "telephone", "mobile", "tel"},
    "organization": {"company", "employer", "org"},
    "title": {"position", "jobtitle", "role"},
    "linkedin_url": {"linkedin", "linkedinprofile", "profile", "url"},
    "location": {"city", "place"},
    "notes": {"note", "comments"},
    "tags": {"labels", "groups", "categories"},
}
# Cells that may hold several values: Warmline's export joins them with "; ".
SEVERAL = re.compile(r"\s*[;\n]\s*")


def _plain(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.casefold())


def guess(columns: list[str]) -> dict[str, str]:
    """The mapping a file's headers suggest: each field to the first column named
    like it (its key, its label or an alias)."""
    mapping: dict[str, str] = {}
    for field, label in FIELDS.items():
        names = {_plain(field), _plain(label), *ALIASES[field]}
        if column := next((c for c in columns if _plain(c) in names), None):
            mapping[field] = column
    return mapping


def headers(data: bytes, filename: str) -> list[str]:
    for _, cells in csv_rows(decode(data, filename), filename):
        return [c.strip() for c in cells]
    raise ImportFileError(filename, None, "the file is empty.")


def parse_mapping(text: str) -> dict[str, str]:
    """`name=Full Name,email=Mail` into {"name": "Full Name", "email": "Mail"}."""
    mapping = {}
    for part in text.split(","):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise ValueError(
                f"{part.strip()!r}: use FIELD=Column with FIELD one of "
                f"{', '.join(FIELDS)}."
            )
        mapping[field.strip()] = column.strip()
    return mapping


def parse(data: bytes, filename: str, mapping: dict[str, str]) -> Iterator[ImportRow]:
    if not ({"name", "first_name", "last_name", "email"} & set(mapping)):
        raise ImportFileError(filename, None, "map at least a name or an email column.")
    header: Header | None = None
    for line, cells in csv_rows(decode(data, filename), filename):
        if header is None:
            header = Header(cells)
            missing = [c for c in mapping.values() if c not in header]
            if missing:
                raise ImportFileError(
                    filename, line, f"no column named {', '.join(map(repr, missing))}."
                )
            continue

        def cell(field: str, cells: list[str] = cells, header: Header = header) -> str:
            value = header.get(cells, mapping[field]) if field in mapping else ""
            return restore(value)

        given, family = cell("first_name"), cell("last_name")
        yield ImportRow(
            line=line,
            name=cell("name") or join_name(given, family),
            given_name=given,
            family_name=family,
            emails=[(e, "") for e in SEVERAL.split(cell("email")) if e],
            phones=[(p, "") for p in SEVERAL.split(cell("phone")) if p],
            organization=cell("organization"),
            title=cell("title"),
            linkedin_url=cell("linkedin_url"),
            location=cell("location"),
            notes=cell("notes"),
            tags=[t.strip() for t in re.split(r"[,;]", cell("tags")) if t.strip()],
        )
