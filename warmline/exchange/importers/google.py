"""Google Contacts CSV, both generations, read by header name.

Current: First Name, Middle Name, Last Name, …, Labels, E-mail 1 - Label, E-mail 1 -
Value, Phone 1 - Label, …, Organization Name, Organization Title. Older: Name, Given
Name, Additional Name, Family Name, …, Group Membership, E-mail 1 - Type, E-mail 1 -
Value, …, Organization 1 - Name, Organization 1 - Title. Several values in one cell
are joined with " ::: ".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from warmline.exchange.rows import (
    Header,
    ImportFileError,
    ImportRow,
    csv_rows,
    decode,
    join_name,
)

NUMBERED = re.compile(r"^(E-mail|Phone) (\d+) - Value$")
SEPARATOR = " ::: "


def _label(value: str) -> str:
    return value.lstrip("* ").strip()


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEPARATOR) if v.strip()]


def _numbered(header: Header, cells: list[str], kind: str) -> list[tuple[str, str]]:
    found = []
    for name in header.index:
        match = NUMBERED.match(name)
        if not match or match.group(1) != kind:
            continue
        n = match.group(2)
        label = header.get(cells, f"{kind} {n} - Label") or header.get(
            cells, f"{kind} {n} - Type"
        )
        found += [(value, _label(label)) for value in _split(header.get(cells, name))]
    return found


def _first(header: Header, cells: list[str], *names: str) -> str:
    for name in names:
        if value := header.get(cells, name):
            return next(iter(_split(value)), "")
    return ""


def parse(data: bytes, filename: str) -> Iterator[ImportRow]:
    header: Header | None = None
    for line, cells in csv_rows(decode(data, filename), filename):
        if header is None:
            header = Header(cells)
            if not (
                {"Name", "Given Name"} & set(header.index) or "First Name" in header
            ):
                raise ImportFileError(
                    filename, line, "not a Google Contacts CSV: no name columns."
                )
            continue
        given = _first(header, cells, "First Name", "Given Name")
        family = _first(header, cells, "Last Name", "Family Name")
        name = header.get(cells, "Name") or join_name(
            given, _first(header, cells, "Middle Name", "Additional Name"), family
        )
        labels = header.get(cells, "Labels") or header.get(cells, "Group Membership")
        yield ImportRow(
            line=line,
            name=name,
            given_name=given,
            family_name=family,
            emails=_numbered(header, cells, "E-mail"),
            phones=_numbered(header, cells, "Phone"),
            organization=_first(
                header, cells, "Organization Name", "Organization 1 - Name"
            ),
            title=_first(header, cells, "Organization Title", "Organization 1 - Title"),
            notes=header.get(cells, "Notes"),
            tags=[t for t in _split(labels) if not t.startswith("*")],
        )
    if header is None:
        raise ImportFileError(filename, None, "the file is empty.")
