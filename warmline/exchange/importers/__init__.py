"""Importers, one module each, all `parse(data, filename) -> list[ImportRow]`.

`read` is the one way in: it runs the importer and checks every row against the
models (`cleaning`), so no importer can hand the database a value it would refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from warmline.exchange.cleaning import clean_rows
from warmline.exchange.importers import csv_generic, google, linkedin, vcard
from warmline.exchange.rows import ImportRow

Parser = Callable[[bytes, str], list[ImportRow]]
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
    if kind == "csv":
        rows = csv_generic.parse(data, filename, mapping or {})
    else:
        rows = PARSERS[kind](data, filename)
    return clean_rows(rows, filename)
