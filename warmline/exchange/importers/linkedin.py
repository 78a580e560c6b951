"""LinkedIn's Connections.csv, current and older exports.

Current: a few "Notes:" lines, then First Name,Last Name,URL,Email Address,Company,
Position,Connected On with dates like "12 Mar 2024". Older: no URL column, dates like
"1/8/18, 6:14 PM", and sometimes "urn:li:member:…" where an email would be.
"""

from __future__ import annotations

from warmline.exchange.rows import (
    Header,
    ImportFileError,
    ImportRow,
    csv_rows,
    decode,
    join_name,
    parse_date,
)

DATE_FORMATS = (
    "%d %b %Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%Y-%m-%d",
)


def parse(data: bytes, filename: str) -> list[ImportRow]:
    header: Header | None = None
    rows: list[ImportRow] = []
    for line, cells in csv_rows(decode(data, filename), filename):
        if header is None:
            if [c.strip() for c in cells[:2]] == ["First Name", "Last Name"]:
                header = Header(cells)
            continue
        if not any(c.strip() for c in cells):
            continue
        email = header.get(cells, "Email Address")
        rows.append(
            ImportRow(
                line=line,
                name=join_name(
                    header.get(cells, "First Name"), header.get(cells, "Last Name")
                ),
                emails=[(email, "")] if email else [],
                organization=header.get(cells, "Company"),
                title=header.get(cells, "Position"),
                linkedin_url=header.get(cells, "URL"),
                connected_on=parse_date(
                    header.get(cells, "Connected On"), DATE_FORMATS
                ),
            )
        )
    if header is None:
        raise ImportFileError(
            filename,
            None,
            "not a LinkedIn Connections.csv: no 'First Name,Last Name,…' header line.",
        )
    return rows
