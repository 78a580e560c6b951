"""vCard text into cards of properties, read the way address books really write it.

vCard 2.1 (Android, Outlook 2003 to 365, BlackBerry), 3.0 (iPhone, Mac, Gmail,
Evolution, Lotus Notes) and 4.0 (Thunderbird) each let a value run over several
lines in their own way, and all of them are read:

- folding (3.0, 4.0, and 2.1 base64): a line starting with a space or a tab goes on
  from the line before, less that first blank;
- QUOTED-PRINTABLE (2.1): a line ending in "=" goes on at the start of the next;
- a line that cannot begin a property (`Albaney, New York 12345` under a label, the
  lines of a base64 photo) goes on from the value before it, on a new line;
- blank lines (the end of a 2.1 base64 block) are nothing.

Each property keeps the line it begins on and each card that of its BEGIN, so an
error names the line where the broken card begins. A card inside a card, text
outside any card and a card with no END are refused; nothing recurses, so no file
can exhaust the stack.
"""

from __future__ import annotations

import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings

from warmline.exchange.rows import ImportFileError, too_long, too_many_rows

LINE_BREAK = re.compile(r"\r*\n|\r")  # iPhone exports end lines in CR CR LF
# `[group.]NAME` and then the parameters or the value.
PROPERTY_START = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
ESCAPED = re.compile(r"\\(.)", re.DOTALL)
UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
UNESCAPED_COMMA = re.compile(r"(?<!\\),")
# Where cards begin, counted before any is read (a quick upper bound's check).
CARD_START = re.compile(r"^BEGIN:VCARD", re.IGNORECASE | re.MULTILINE)


@dataclass
class Property:
    """One content line: `item1.EMAIL;TYPE=work:dana@example.com`."""

    line: int
    group: str  # "item1", or ""
    name: str  # upper case
    params: dict[str, list[str]]  # upper-case names; 2.1's bare ones under TYPE
    raw: str  # the value as written, lines joined

    def param(self, name: str) -> str:
        values = self.params.get(name)
        return values[0] if values else ""

    def types(self) -> list[str]:
        return [t for value in self.params.get("TYPE", []) for t in value.split(",")]

    @property
    def quoted_printable(self) -> bool:
        encoding = self.param("ENCODING").upper()
        return encoding == "QUOTED-PRINTABLE" or "QUOTED-PRINTABLE" in map(
            str.upper, self.types()
        )

    @property
    def binary(self) -> bool:
        encoding = self.param("ENCODING").upper()
        return encoding in ("BASE64", "B") or "BASE64" in map(str.upper, self.types())

    def text(self) -> str:
        """The value as text: quoted-printable decoded in its charset, 3.0/4.0
        escapes undone; a binary value (a photo, a key) is no text."""
        if self.binary:
            return ""
        if self.quoted_printable:
            return self._from_quoted_printable(self.raw)
        return unescape(self.raw)

    def parts(self) -> list[str]:
        """A structured value (N, ADR, ORG) split at its unescaped semicolons."""
        if self.binary:
            return []
        if self.quoted_printable:
            return self._from_quoted_printable(self.raw).split(";")
        return [unescape(p) for p in UNESCAPED_SEMICOLON.split(self.raw)]

    def _from_quoted_printable(self, raw: str) -> str:
        try:
            data = quopri.decodestring(raw.encode("utf-8"))
        except (ValueError, binascii.Error):
            data = raw.encode("utf-8")
        try:
            return data.decode(self.param("CHARSET") or "utf-8", errors="replace")
        except (LookupError, ValueError):  # a charset Python does not know
            return data.decode("utf-8", errors="replace")


@dataclass
class Card:
    line: int  # of its BEGIN:VCARD
    properties: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        return next(iter(self.all(name)), None)


def unescape(value: str) -> str:
    r"""`\n` and `\N` are line breaks; `\,` `\;` `\\` (and any other) the character."""
    return ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split_params(text: str) -> tuple[dict[str, list[str]], str] | None:
    """`;TYPE=work;PREF:value` into ({"TYPE": ["work", "PREF"]}, "value")."""
    params: dict[str, list[str]] = {}
    i, quoted, start = 0, False, 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in ";:":
            if i > start:
                _add_param(params, text[start:i])
            if ch == ":":
                return params, text[i + 1 :]
            start = i + 1
        i += 1
    return None  # no colon: not a property


def _add_param(params: dict[str, list[str]], param: str) -> None:
    name, sep, value = param.partition("=")
    if not sep:  # vCard 2.1: `TEL;CELL;PREF:` and `PHOTO;BASE64:`
        name, value = "TYPE", param
    params.setdefault(name.strip().upper(), []).append(value.strip().strip('"'))


def _property(text: str, line: int) -> Property | None:
    match = PROPERTY_START.match(text)
    if match is None:
        return None
    head = text[: match.end() - 1]
    split = _split_params(text[match.end() - 1 :])
    if split is None:
        return None
    group, _, _ = head.rpartition(".")
    return Property(line, group, match.group(1).upper(), split[0], split[1])


def _lines(text: str) -> Iterator[str]:
    """The physical lines, one at a time (a list of them all could be large)."""
    start = 0
    for match in LINE_BREAK.finditer(text):
        yield text[start : match.start()]
        start = match.end()
    yield text[start:]


def _check_cards(text: str, filename: str) -> None:
    """Refuse more cards than an import may have before any is read."""
    most = settings.IMPORT_MAX_ROWS
    for count, match in enumerate(CARD_START.finditer(text), 1):
        if count > most:
            raise too_many_rows(filename, text.count("\n", 0, match.start()) + 1)


class _Value:
    """The value of the property being read, gathered in parts (appending to one
    string over thousands of folded lines would copy it each time) and limited."""

    def __init__(self, prop: Property, filename: str) -> None:
        self.prop, self.filename = prop, filename
        self.parts, self.size = [prop.raw], len(prop.raw)

    def add(self, text: str) -> None:
        if self.prop.binary:  # a photo, a key: never read, so never kept
            return
        self.size += len(text)
        if self.size > settings.IMPORT_MAX_CELL_CHARACTERS:
            raise too_long(self.filename, self.prop.line)
        self.parts.append(text)

    def soft_break(self) -> bool:
        """A quoted-printable value whose line ended in "=": it goes on."""
        return self.prop.quoted_printable and self.parts[-1].endswith("=")

    def drop_soft_break(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.size -= 1

    def done(self) -> None:
        self.prop.raw = "".join(self.parts)


def read_cards(text: str, filename: str) -> Iterator[Card]:
    """Every card in the text, one at a time, or an ImportFileError naming where it
    went wrong (also for a file past the limits on cards, lines and values)."""
    _check_cards(text, filename)
    columns = settings.IMPORT_MAX_COLUMNS
    card: Card | None = None
    last: _Value | None = None  # what a continuation line goes on from
    soft_break = False  # `last` is quoted-printable and its line ended in "="
    for number, physical in enumerate(_lines(text), 1):
        if soft_break and last is not None:
            last.drop_soft_break()
            last.add(physical)
            soft_break = physical.endswith("=")
            continue
        if not physical.strip():
            continue
        if physical[0] in " \t" and last is not None:
            last.add(physical[1:])
            soft_break = last.soft_break()
            continue
        prop = _property(physical, number)
        if prop is None:
            if card is None or last is None:
                where = card.line if card else number
                raise ImportFileError(filename, where, "not a vCard property line")
            last.add(("" if last.prop.binary else "\n") + physical)
            continue
        if last is not None:
            last.done()
        if prop.name == "BEGIN":
            if prop.raw.strip().upper() != "VCARD":
                raise ImportFileError(
                    filename,
                    card.line if card else number,
                    f"BEGIN:{prop.raw.strip()[:20]} where a vCard was expected",
                )
            if card is not None:
                raise ImportFileError(
                    filename,
                    card.line,
                    f"a card that does not end before another begins (line {number})",
                )
            card, last = Card(number), None
        elif prop.name == "END":
            if card is None:
                raise ImportFileError(
                    filename, number, "an END with no BEGIN before it"
                )
            yield card
            card, last = None, None
        elif card is None:
            raise ImportFileError(filename, number, "a property outside any card")
        else:
            if prop.binary:  # a photo, a key: never read, so never kept
                prop.raw = ""
            elif len(prop.raw) > settings.IMPORT_MAX_CELL_CHARACTERS:
                raise too_long(filename, number)
            card.properties.append(prop)
            if len(card.properties) > columns:
                raise ImportFileError(
                    filename,
                    card.line,
                    f"a card of more than {columns:,} lines, the most a card may have",
                )
            last = _Value(prop, filename)
        soft_break = last is not None and last.soft_break()
    if card is not None:
        raise ImportFileError(filename, card.line, "a card with no END:VCARD")
