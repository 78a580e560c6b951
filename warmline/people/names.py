"""A person's given and family name when only a full name is known, for address
books (vCard's N): "Sarah Johnson, PhD" is Sarah / Johnson, "Dr. Ana Lima 🌱" is
Ana / Lima. Sources that give both parts (LinkedIn, Google, vCards) keep theirs."""

from __future__ import annotations

import re
import unicodedata

# Titles before a name and letters after it, compared without dots or case.
_BEFORE = {"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "rev"}
_AFTER = {
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "msc", "ma", "ba", "bsc",
    "cpa", "pmp", "pe", "esq", "rn", "dds", "jd", "cfa", "shrm-cp", "she/her",
    "he/him", "they/them",
}  # fmt: skip


# Lower-case words that belong to the family name before it: "Ana de la Cruz".
_PARTICLES = {"de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du",
              "dos", "das", "le", "bin", "al", "ter", "zu"}  # fmt: skip


def _plain_word(word: str) -> str:
    return word.strip(".,()").casefold()


def _letters_only(text: str) -> str:
    """Emoji, pictographs and other symbols out; letters, marks and punctuation
    that names use (hyphens, apostrophes) in."""
    return "".join(
        ch for ch in text if unicodedata.category(ch)[0] in "LMNZ" or ch in "-'\u2019."
    )


def split_name(full: str) -> tuple[str, str]:
    """(given, family) from a full name: credentials after a comma or at the end,
    titles at the start and symbols dropped; the family name is the last word."""
    name = full.split(",")[0] if "," in full else full
    name = re.sub(r"\([^)]*\)", " ", name)  # "(she/her)", "(Kowalski)"
    words = _letters_only(name).split()
    while words and _plain_word(words[0]) in _BEFORE and len(words) > 1:
        words.pop(0)
    while len(words) > 1 and _plain_word(words[-1]) in _AFTER:
        words.pop()
    words = [w for w in words if re.search(r"\w", w)]
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def splits_plainly(name: str, given: str, family: str) -> bool:
    """Whether `name` is just "given family" in plain letters and digits, so
    split_name gives those two back (a fast test for the commonest case of a large
    import)."""
    return (
        given.isalnum()
        and family.isalnum()
        and name == f"{given} {family}"
        and given.casefold() not in _BEFORE
        and family.casefold() not in _AFTER
    )
