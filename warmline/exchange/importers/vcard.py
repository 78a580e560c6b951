"""vCard 2.1, 3.0 and 4.0 files with one or many cards, read with vobject.

Folded lines, QUOTED-PRINTABLE, several EMAIL/TEL/ADR, ORG, TITLE, NOTE and non-ASCII
names are handled by vobject; PHOTO and other properties are ignored.
"""

from __future__ import annotations

from typing import Any

import vobject

from warmline.exchange.cleaning import email as email_or_none
from warmline.exchange.rows import (
    ImportFileError,
    ImportRow,
    decode,
    join_name,
)

SKIP_TYPES = {"internet", "pref", "voice", "x400"}


def _label(prop: Any) -> str:
    types = [t for value in prop.params.get("TYPE", []) for t in value.split(",")]
    types += list(getattr(prop, "singletonparams", []))
    kept = [t.lower() for t in types if t.lower() not in SKIP_TYPES]
    return ", ".join(kept)[:40]


def _text(card: Any, name: str) -> str:
    prop = card.contents.get(name, [None])[0]
    if prop is None:
        return ""
    value = prop.value
    if isinstance(value, list):
        return " ".join(v for v in value if v).strip()
    return str(value).strip()


def _name(card: Any) -> str:
    if fn := _text(card, "fn"):
        return fn
    n = card.contents.get("n", [None])[0]
    if n is not None:
        value = n.value
        return join_name(value.prefix, value.given, value.additional, value.family)
    return ""


def _location(card: Any) -> str:
    for adr in card.contents.get("adr", []):
        value = adr.value
        if place := ", ".join(p for p in (value.city, value.region) if p):
            return place
    return ""


def parse(data: bytes, filename: str) -> list[ImportRow]:
    text = decode(data, filename)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(filename, 1, "not a vCard file: no BEGIN:VCARD.")
    rows: list[ImportRow] = []
    line_starts = [
        i + 1
        for i, line in enumerate(text.splitlines())
        if line.upper().startswith("BEGIN:VCARD")
    ]
    try:
        for index, card in enumerate(
            vobject.readComponents(text, ignoreUnreadable=False)
        ):
            if card.name.upper() != "VCARD":
                continue
            emails = [
                (e, _label(p))
                for p in card.contents.get("email", [])
                if (e := email_or_none(str(p.value)))
            ]
            phones = [
                (str(p.value).removeprefix("tel:"), _label(p))
                for p in card.contents.get("tel", [])
                if str(p.value).strip()
            ]
            name = _name(card)
            if not name and not emails:
                continue
            rows.append(
                ImportRow(
                    line=line_starts[index] if index < len(line_starts) else 0,
                    name=name or emails[0][0],
                    emails=emails,
                    phones=phones,
                    organization=(
                        card.org.value[0]
                        if hasattr(card, "org") and card.org.value
                        else ""
                    ),
                    title=_text(card, "title"),
                    notes=_text(card, "note"),
                    location=_location(card),
                )
            )
    except vobject.base.ParseError as error:
        line = getattr(error, "lineNumber", None)
        raise ImportFileError(
            filename, line, f"cannot read the vCard: {error}"
        ) from None
    return rows
