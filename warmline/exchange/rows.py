"""What every importer makes: rows of people, or an error naming file, line, reason.

Also how large a file may be (settings `IMPORT_MAX_*`), checked before the work each
limit bounds: the size before a file is read, the rows by a count of line breaks
(and past that, of bare CSV records) before any row is parsed, the columns and cells
of a record as it is read. So a hostile file is refused within a second, and the
largest allowed one fits in memory.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings


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


@dataclass(slots=True)  # 200,000 of them may be held at once
class ImportRow:
    """One person as read from a file, before it is cleaned and matched."""

    line: int
    name: str
    given_name: str = ""  # when the source gives the parts (LinkedIn, Google, N)
    family_name: str = ""
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


def check_size(size: int, filename: str) -> None:
    """Refuse a file larger than an import may be, before it is read."""
    most = settings.IMPORT_MAX_BYTES
    if size > most:
        raise ImportFileError(
            filename,
            None,
            f"{size / 2**20:.1f} MB, more than the {most / 2**20:g} MB "
            "an import may be",
        )


def limits() -> str:
    """The limits in a sentence, for the pages that take a file."""
    return (
        f"A file may be up to {settings.IMPORT_MAX_BYTES / 2**20:g} MB, "
        f"{settings.IMPORT_MAX_ROWS:,} rows and {settings.IMPORT_MAX_COLUMNS:,} "
        f"columns, with up to {settings.IMPORT_MAX_CELL_CHARACTERS:,} characters "
        "in a cell."
    )


def too_many_rows(filename: str, line: int) -> ImportFileError:
    most = settings.IMPORT_MAX_ROWS
    return ImportFileError(
        filename, line, f"more than {most:,} rows, the most an import may have"
    )


def too_many_columns(filename: str, line: int, count: int) -> ImportFileError:
    most = settings.IMPORT_MAX_COLUMNS
    return ImportFileError(
        filename, line, f"{count:,} columns, more than the {most:,} a row may have"
    )


def too_long(filename: str, line: int) -> ImportFileError:
    most = settings.IMPORT_MAX_CELL_CHARACTERS
    return ImportFileError(
        filename,
        line,
        f"a cell longer than {most:,} characters, the most a cell may hold",
    )


def line_breaks(text: str) -> int:
    """Line breaks (LF, CRLF or CR alone): more than any count of records in it."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _reader(text: str) -> Any:
    # The field limit is global to the csv module: set it for every file read.
    csv.field_size_limit(settings.IMPORT_MAX_CELL_CHARACTERS)
    return csv.reader(io.StringIO(text, newline=""), strict=True)


def _check_rows(text: str, filename: str) -> None:
    """Refuse more records than an import may have before any is parsed: counting
    line breaks takes milliseconds; bare records are counted only past that."""
    most = settings.IMPORT_MAX_ROWS
    if line_breaks(text) < most:
        return
    reader, start = _reader(text), 1
    try:
        for count, _ in enumerate(reader, 1):
            if count > most:
                raise too_many_rows(filename, start)
            start = reader.line_num + 1
    except csv.Error:
        return  # reported where the records are read, with its line


def csv_rows(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record begins on, cells) for each record; broken quoting, or a
    file past the limits, is an ImportFileError naming the line where the broken
    record begins."""
    _check_rows(text, filename)
    columns = settings.IMPORT_MAX_COLUMNS
    reader = _reader(text)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise too_long(filename, start) from None
            raise ImportFileError(
                filename, start, f"cannot read the CSV: {error}"
            ) from None
        if len(cells) > columns:
            raise too_many_columns(filename, start, len(cells))
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
        self.width = len(names)  # a name may repeat: then the last is read

    def __contains__(self, name: str) -> bool:
        return name in self.index

    def get(self, cells: list[str], name: str) -> str:
        i = self.index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def picker(self, *names: str) -> Callable[[list[str]], list[str]]:
        """A function giving those columns of a row at once, stripped ("" where the
        file or the row has no such column): quicker than `get` for each."""
        width = self.width
        where = [self.index.get(name, width) for name in names]  # width: a blank

        def pick(cells: list[str]) -> list[str]:
            if len(cells) <= width:
                cells = cells + [""] * (width + 1 - len(cells))
            return [cells[i].strip() for i in where]

        return pick
