"""LinkedIn's Connections.csv, current and older exports.

Current: a few "Notes:" lines, then First Name,Last Name,URL,Email Address,Company,
Position,Connected On with dates like "12 Mar 2024" or "23-Apr-23". Older: no URL
column, dates like "1/8/18, 6:14 PM", and sometimes "urn:li:member:…" where an email
would be.
"""

from __future__ import annotations

from collections.abc import Iterator

from warmline.exchange.rows import (
    Header,
    ImportFileError,
    ImportRow,
    csv_rows,
    decode,
    join_name,
    parse_date,
)

COLUMNS = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
DATE_FORMATS = (
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%Y-%m-%d",
)


def parse(data: bytes, filename: str) -> Iterator[ImportRow]:
    header: Header | None = None
    for line, cells in csv_rows(decode(data, filename), filename):
        if header is None:
            if [c.strip() for c in cells[:2]] == ["First Name", "Last Name"]:
                header = Header(cells)
                pick = header.picker(*COLUMNS)
            continue
        if not any(cells):
            continue
        first, last, url, email, company, position, connected = pick(cells)
        if not (first or last or url or email or company or position or connected):
            continue
        yield ImportRow(
            line=line,
            name=join_name(first, last),
            given_name=first,
            family_name=last,
            emails=[(email, "")] if email else [],
            organization=company,
            title=position,
            linkedin_url=url,
            connected_on=parse_date(connected, DATE_FORMATS),
        )
    if header is None:
        raise ImportFileError(
            filename,
            None,
            "not a LinkedIn Connections.csv: no 'First Name,Last Name,…' header line.",
        )
