"""vCard 2.1, 3.0 and 4.0 files with one or many cards, as phones and address books
export them (see `vcard_lines` for how their lines are read).

Each card gives a name (FN, else N), emails and phones with their types as labels
(or an Apple `itemN.X-ABLabel`), organization (ORG's first part), title, notes and
a place (ADR's city and region). PHOTO and other binary values, X- properties and
everything else are ignored, so a broken photo never stops a card.
"""

from __future__ import annotations

from collections.abc import Iterator

from warmline.exchange.importers.vcard_lines import (
    UNESCAPED_COMMA,
    Card,
    Property,
    read_cards,
    unescape,
)
from warmline.exchange.rows import ImportFileError, ImportRow, decode, join_name

SKIP_TYPES = {"internet", "pref", "voice", "x400", "quoted-printable", "base64"}


def _label(prop: Property, card: Card) -> str:
    if prop.group:  # Apple and Gmail: item1.EMAIL … item1.X-ABLabel:_$!<Other>!$_
        for other in card.all("X-ABLABEL"):
            if other.group == prop.group:
                return other.text().removeprefix("_$!<").removesuffix(">!$_").lower()
    kept = [t.lower() for t in prop.types() if t.lower() not in SKIP_TYPES]
    return ", ".join(kept)


def _text(card: Card, name: str) -> str:
    return "\n".join(t for p in card.all(name) if (t := p.text().strip()))


def _name(card: Card) -> str:
    if fn := _text(card, "FN"):
        return fn
    if n := card.first("N"):
        family, given, additional, prefix, suffix = (n.parts() + [""] * 5)[:5]
        return join_name(prefix, given, additional, family, suffix)
    return ""


def _name_parts(card: Card) -> tuple[str, str]:
    """(given, family) from N, which vCards always carry beside FN."""
    if n := card.first("N"):
        family, given = [*n.parts(), "", ""][:2]
        return given.strip(), family.strip()
    return "", ""


def _tags(card: Card) -> list[str]:
    """CATEGORIES: a comma-separated list (a comma in a tag is escaped)."""
    return [
        tag
        for prop in card.all("CATEGORIES")
        if not prop.binary
        for piece in UNESCAPED_COMMA.split(prop.raw)
        if (tag := unescape(piece).strip())
    ]


def _linkedin(card: Card) -> str:
    """The LinkedIn profile among the card's links (URL, or X-SOCIALPROFILE)."""
    for prop in [*card.all("URL"), *card.all("X-SOCIALPROFILE")]:
        if "linkedin.com/" in (url := prop.text().strip()).lower():
            return url
    return ""


def _organization(card: Card) -> str:
    org = card.first("ORG")
    return next(iter(org.parts()), "") if org else ""


def _location(card: Card) -> str:
    for adr in card.all("ADR"):
        parts = adr.parts() + [""] * 7
        if place := ", ".join(p.strip() for p in parts[3:5] if p.strip()):
            return place
    return ""


def parse(data: bytes, filename: str) -> Iterator[ImportRow]:
    text = decode(data, filename)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(filename, 1, "not a vCard file: no BEGIN:VCARD.")
    for card in read_cards(text, filename):
        given, family = _name_parts(card)
        yield ImportRow(
            line=card.line,
            name=_name(card),
            given_name=given,
            family_name=family,
            emails=[(p.text(), _label(p, card)) for p in card.all("EMAIL")],
            phones=[
                (p.text().removeprefix("tel:"), _label(p, card))
                for p in card.all("TEL")
            ],
            organization=_organization(card),
            title=_text(card, "TITLE"),
            notes=_text(card, "NOTE"),
            location=_location(card),
            linkedin_url=_linkedin(card),
            tags=_tags(card),
        )
