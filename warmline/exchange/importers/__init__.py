"""Importers, one module each, all `parse(data, filename) -> Iterator[ImportRow]`.

`read` is the one way in: it refuses a file past the limits (`rows.check_size` and
the checks as records are read), runs the importer and checks every row against the
models (`cleaning`), so no importer can hand the database a value it would refuse.
Rows are cleaned as they are parsed, so only the cleaned ones are held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from warmline.exchange.cleaning import clean_rows
from warmline.exchange.importers import csv_generic, google, linkedin, vcard
from warmline.exchange.rows import ImportRow, check_size

Parser = Callable[[bytes, str], Iterator[ImportRow]]
PARSERS: dict[str, Parser] = {
    "linkedin": linkedin.parse,
    "google": google.parse,
    "vcard": vcard.parse,
}
LABELS = {
    "linkedin": "LinkedIn connections (Connections.csv)",
    "google": "Google Contacts (CSV)",
    "vcard": "Phone contacts (vCard, .vcf)",
    "csv": "Any CSV, with column mapping",
}


def read(
    kind: str, data: bytes, filename: str, mapping: dict[str, str] | None = None
) -> list[ImportRow]:
    """The rows of a file of that kind, checked; or an ImportFileError."""
    check_size(len(data), filename)
    if kind == "csv":
        rows = csv_generic.parse(data, filename, mapping or {})
    else:
        rows = PARSERS[kind](data, filename)
    return clean_rows(rows, filename)
