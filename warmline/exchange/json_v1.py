"""Version-1 JSON exports, upgraded to version 2 so that they import as they did.

Version 1 nested emails, phones and tags in people, entries in call lists, and
questions and the outcome in meetings, and gave ids only to what other records
pointed at. Keys it did not have are left out, so the import takes each model's
default for them (and Django's "now" for the dates rows were added).
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

# Version-1 lists that only lacked ids.
_PLAIN = ("introductions", "career_paths", "job_leads", "attempts", "follow_ups")


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """The same export in version 2's shape (records flat, every record with an id)."""
    out: dict[str, Any] = {"format": data.get("format"), "version": 2}
    user = dict(data.get("user") or {})
    goals = user.pop("goals", None) or {}
    out["user"] = {**user, **{f"goal_{k}": v for k, v in goals.items()}}
    out["organizations"] = list(data.get("organizations", []))
    out["tags"], out["people"] = _people(data.get("people", []))
    out["email_addresses"] = _children(data.get("people", []), "emails", "person_id")
    out["phone_numbers"] = _children(data.get("people", []), "phones", "person_id")
    out["resumes"] = list(data.get("resumes", []))
    out["questions"] = _numbered(data.get("questions", []), positioned=True)
    out["meetings"], out["meeting_questions"], out["outcomes"] = _meetings(
        data.get("meetings", [])
    )
    for key in _PLAIN:
        out[key] = _numbered(data.get(key, []))
    out["call_lists"], out["call_list_entries"] = _call_lists(
        data.get("call_lists", [])
    )
    out["message_templates"] = _numbered(
        data.get("message_templates", []), positioned=True
    )
    return out


def _numbered(rows: list[Any], *, positioned: bool = False) -> list[Record]:
    """Rows given ids (and positions, where order was all version 1 kept)."""
    return [
        {"id": n, **({"position": n - 1} if positioned else {}), **row}
        for n, row in enumerate(rows, 1)
    ]


def _people(people: list[Record]) -> tuple[list[Record], list[Record]]:
    tags: dict[str, Record] = {}
    out = []
    for person in people:
        row = {k: v for k, v in person.items() if k not in ("emails", "phones")}
        ids = []
        for name in row.pop("tags", []):
            # Tags are one per name, whatever its case.
            tag = tags.setdefault(name.casefold(), {"id": len(tags) + 1, "name": name})
            ids.append(tag["id"])
        out.append({**row, "tags": sorted(set(ids))})
    return list(tags.values()), out


def _children(parents: list[Record], key: str, parent_key: str) -> list[Record]:
    rows = [
        {parent_key: parent["id"], **child}
        for parent in parents
        for child in parent.get(key, [])
    ]
    return _numbered(rows)


def _meetings(
    meetings: list[Record],
) -> tuple[list[Record], list[Record], list[Record]]:
    out, questions, outcomes = [], [], []
    for meeting in meetings:
        row = {k: v for k, v in meeting.items() if k not in ("questions", "outcome")}
        out.append(row)
        questions += [
            {"meeting_id": meeting["id"], "text": text, "position": n}
            for n, text in enumerate(meeting.get("questions", []))
        ]
        if meeting.get("outcome"):
            outcomes.append({"meeting_id": meeting["id"], **meeting["outcome"]})
    return out, _numbered(questions), _numbered(outcomes)


def _call_lists(lists: list[Record]) -> tuple[list[Record], list[Record]]:
    out, entries = [], []
    for n, call_list in enumerate(lists, 1):
        out.append({"id": n, **{k: v for k, v in call_list.items() if k != "entries"}})
        entries += [
            {"call_list_id": n, "position": position, **entry}
            for position, entry in enumerate(call_list.get("entries", []))
        ]
    return out, _numbered(entries)
