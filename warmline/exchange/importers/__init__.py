"""Importers, one module each, all `parse(data, filename) -> list[ImportRow]`."""

from __future__ import annotations

from collections.abc import Callable

from warmline.exchange.importers import google, linkedin, vcard
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
