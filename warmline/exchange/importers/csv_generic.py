"""Any CSV, with a mapping from Warmline's fields to the file's column names."""

from __future__ import annotations

from collections.abc import Iterator

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
            return header.get(cells, mapping[field]) if field in mapping else ""

        yield ImportRow(
            line=line,
            name=cell("name") or join_name(cell("first_name"), cell("last_name")),
            emails=[(cell("email"), "")] if cell("email") else [],
            phones=[(cell("phone"), "")] if cell("phone") else [],
            organization=cell("organization"),
            title=cell("title"),
            linkedin_url=cell("linkedin_url"),
            location=cell("location"),
            notes=cell("notes"),
            tags=[t.strip() for t in cell("tags").split(",") if t.strip()],
        )
