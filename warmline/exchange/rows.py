"""What every importer makes: rows of people, or an error naming file, line, reason."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass, field


class ImportFileError(Exception):
    """A file that cannot be read; nothing from it is written.

    `line` is where the broken record begins; the reason is one sentence, and ends
    in exactly one full stop however it was written.
    """

    def __init__(self, filename: str, line: int | None, reason: str) -> None:
        reason = reason.strip().rstrip(".").rstrip() + "."
        self.filename, self.line, self.reason = filename, line, reason
        where = f"{filename}, line {line}" if line else filename
        super().__init__(f"{where}: {reason}")


@dataclass
class ImportRow:
    """One person as read from a file, before it is cleaned and matched."""

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


# Byte order marks, longest first (UTF-32's starts like UTF-16's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _encoding(data: bytes) -> str:
    """UTF-8 unless a BOM says otherwise, or the zero bytes of UTF-16 text do."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    # Mostly-ASCII UTF-16 written without a BOM (Windows "Unicode text") has a
    # zero in every other byte; binary junk has them anywhere.
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if len(sample) >= 4 and len(sample) % 2 == 0:
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
    return "utf-8"


def decode(data: bytes, filename: str) -> str:
    """UTF-8 or UTF-16 text, with or without a BOM; anything else, or text holding a
    NUL (which PostgreSQL cannot store), is refused with the line it is on."""
    encoding = _encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, errors="replace")
        if encoding.startswith("utf-8"):
            reason = (
                f"not UTF-8 text (byte 0x{data[error.start]:02x}); "
                "save the file as UTF-8"
            )
        else:
            reason = f"not {encoding.upper()} text as its start says"
        raise ImportFileError(filename, before.count("\n") + 1, reason) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(filename, line, "binary data where text was expected")
    return text


def csv_rows(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record begins on, cells) for each record; broken quoting is an
    ImportFileError naming the line where the broken record begins."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                filename, start, f"cannot read the CSV: {error}"
            ) from None
        yield start, cells
        start = reader.line_num + 1


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
