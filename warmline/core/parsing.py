"""Reading numbers out of what a request or a command line sends."""

from __future__ import annotations

import re

# ASCII digits only: str.isdigit() is true for "²", which int() refuses, and for
# other scripts' digits; nine digits stay inside every integer column.
_WHOLE = re.compile(r"[0-9]{1,9}")


def whole_number(text: object, *, low: int = 0, high: int = 999_999_999) -> int | None:
    """The whole number `text` spells, if it is one within [low, high]; else None."""
    if not isinstance(text, str) or not _WHOLE.fullmatch(text.strip()):
        return None
    value = int(text.strip())
    return value if low <= value <= high else None
