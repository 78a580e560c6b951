"""Normalising names so the same organization is recognised however it is typed."""

from __future__ import annotations

import re

# Legal-form suffixes that do not change which organization is meant.
_SUFFIXES = {
    "inc",
    "incorporated",
    "llc",
    "llp",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "plc",
    "sa",
    "ag",
    "bv",
    "nv",
    "pty",
    "srl",
    "oy",
    "ab",
}
_NON_WORD = re.compile(r"[^\w]+")


def organization_key(name: str) -> str:
    """A comparison key: "Acme, Inc." and "ACME Inc" both give "acme"."""
    words = _NON_WORD.sub(" ", name.casefold()).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)
