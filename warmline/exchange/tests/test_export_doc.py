"""docs/export-format.md lists every key the export writes, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from warmline.exchange import exports, schema

DOC = Path(__file__).resolve().parents[3] / "docs" / "export-format.md"


def documented() -> dict[str, list[str]]:
    """The keys in each record's table, by the record's `### \\`key\\`` heading."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in DOC.read_text().splitlines():
        if heading := re.fullmatch(r"### `(\w+)`", line):
            current = sections.setdefault(heading.group(1), [])
        elif current is not None and (row := re.match(r"\| `(\w+)` \|", line)):
            current.append(row.group(1))
    return sections


def test_the_export_format_doc_is_for_this_version() -> None:
    assert DOC.read_text().startswith(
        f"# Warmline's JSON export, version {exports.FORMAT_VERSION}\n"
    )


def test_the_export_format_doc_lists_every_key_of_every_record() -> None:
    expected = {"user": [f.attname for f in schema.user_fields()]}
    expected |= {r.key: r.keys() for r in schema.record_types()}
    assert documented() == expected, (
        "docs/export-format.md and the export disagree: document each record type "
        "under ### `key`, one table row per key, in the export's order"
    )
