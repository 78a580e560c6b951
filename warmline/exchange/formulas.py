"""Cells a spreadsheet would run as a formula: written with a leading apostrophe
(which spreadsheets hide), and read back without it."""

from __future__ import annotations

import re
from typing import Any

# A spreadsheet runs a cell that starts with one of these as a formula; "+" and "-"
# only when what follows is not a number ("+1 503 555 0142", "-3" are data).
FORMULA = re.compile(r"^(?:[=@\t\r]|[+-][^\d\s])")


def neutralise(value: Any) -> str:
    """Text a spreadsheet shows as typed: a leading ' stops formula injection, and
    only where a spreadsheet would run the cell, so phone numbers stay as they are."""
    text = "" if value is None else str(value)
    return "'" + text if FORMULA.match(text) else text


def restore(text: str) -> str:
    """A cell as it was before `neutralise` (Warmline's own CSV read back)."""
    return text[1:] if text.startswith("'") and FORMULA.match(text[1:]) else text
