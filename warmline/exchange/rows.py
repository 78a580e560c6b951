"""What every importer makes: rows of people, or an error naming file, line, reason."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Longest values stored; longer imported text is cut, never refused.
LIMITS = {
    "name": 200,
    "organization": 200,
    "title": 200,
    "location": 200,
    "linkedin_url": 300,
    "label": 40,
}


class ImportFileError(Exception):
    """A file that cannot be read; nothing from it is written."""

    def __init__(self, filename: str, line: int | None, reason: str) -> None:
        self.filename, self.line, self.reason = filename, line, reason
        where = f"{filename}, line {line}" if line else filename
        super().__init__(f"{where}: {reason}")


@dataclass
class ImportRow:
    """One person as read from a file, before it is matched to the network."""

    line: int
    name: str
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, label)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number, label)
    organization: str = ""
    title: str = ""
    linkedin_url: str = ""
    location: str = ""
    notes: str = ""
    connected_on: dt.date | None = None
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name, limit in LIMITS.items():
            if name != "label" and isinstance(getattr(self, name), str):
                setattr(self, name, getattr(self, name).strip()[:limit])


def decode(data: bytes, filename: str) -> str:
    """UTF-8 text (a BOM is fine); anything else is refused with where it went wrong."""
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFileError(filename, line, "binary data where text was expected.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            filename,
            line,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8.",
        ) from None


def csv_rows(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each record; broken quoting is an ImportFileError."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise ImportFileError(
            filename, reader.line_num, f"cannot read the CSV: {error}."
        ) from None


def email_or_none(value: str) -> str | None:
    value = value.strip()
    if not value or "@" not in value:
        return None
    try:
        validate_email(value)
    except ValidationError:
        return None
    return value


@functools.lru_cache(maxsize=4096)  # exports repeat the same dates many times
def parse_date(value: str, formats: tuple[str, ...]) -> dt.date | None:
    value = value.strip()
    for fmt in formats:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def join_name(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


class Header:
    """Cells of a CSV row looked up by column name, never by position."""

    def __init__(self, names: list[str]) -> None:
        self.index = {name.strip(): i for i, name in enumerate(names)}

    def __contains__(self, name: str) -> bool:
        return name in self.index

    def get(self, cells: list[str], name: str) -> str:
        i = self.index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""
