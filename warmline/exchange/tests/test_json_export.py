"""The JSON export and import: everything goes out, and comes back the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User
from warmline.exchange import exports, json_v1, schema
from warmline.exchange.json_import import import_everything, read_export
from warmline.exchange.rows import ImportFileError
from warmline.exchange.tests.full_account import build_full_account
from warmline.meetings.models import ResumeVersion
from warmline.outreach.message_text import DEFAULT_TEMPLATES, RETIRED_DEFAULTS
from warmline.outreach.models import CallSession, MessageTemplate
from warmline.outreach.services import update_template
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def exported(owner: User) -> dict[str, Any]:
    """The export as a reader of the file sees it, without the moment it was taken."""
    data = json.loads(json.dumps(exports.everything(owner)))
    data.pop("exported_at")
    return data


def test_an_imported_account_exports_exactly_what_was_imported(
    alice: User, bob: User
) -> None:
    build_full_account(alice)
    original = exported(alice)
    assert original["version"] == 2
    counts = import_everything(bob, original)
    assert counts["people"] == 3 and counts["distinct_pairs"] == 2
    again = exported(bob)
    # The importing account keeps its own name and address; all else is the same.
    for key in schema.ACCOUNT_IDENTITY:
        assert again["user"].pop(key) == getattr(bob, key)
        original["user"].pop(key)
    assert again == original


def test_the_call_session_queue_holds_the_imported_people(
    alice: User, bob: User
) -> None:
    build_full_account(alice)
    import_everything(bob, exported(alice))
    queue = CallSession.objects.get(owner=bob).queue
    assert [Person.objects.get(pk=pk).name for pk in queue] == [
        "Sam Okafor",
        "Lee Park",
    ]
    assert all(Person.objects.get(pk=pk).owner == bob for pk in queue)


def test_an_account_with_data_is_refused_and_nothing_is_written(
    alice: User, bob: User
) -> None:
    build_full_account(alice)
    data = exported(alice)
    import_everything(bob, data)
    before = exported(bob)
    with pytest.raises(ImportFileError, match=r"already has data .*3 people"):
        import_everything(bob, data, "alice.json")
    assert exported(bob) == before


def test_a_new_account_takes_the_files_templates_and_questions(
    alice: User, bob: User
) -> None:
    """What every account starts with is no data of the user's: the file's own
    replace it, with none left over."""
    build_full_account(alice)
    theirs = list(MessageTemplate.objects.filter(owner=alice).values_list("name"))
    import_everything(bob, exported(alice))
    assert list(MessageTemplate.objects.filter(owner=bob).values_list("name")) == theirs


def test_an_account_whose_templates_were_edited_is_refused(
    alice: User, bob: User
) -> None:
    build_full_account(alice)
    template = MessageTemplate.objects.filter(owner=bob).first()
    assert template is not None
    update_template(template, body="My own words, {first_name}.")
    with pytest.raises(ImportFileError, match="message templates"):
        import_everything(bob, exported(alice), "alice.json")
    assert MessageTemplate.objects.get(pk=template.pk).body.startswith("My own")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=7), "version 7, which this Warmline cannot read"),
        (lambda d: d["people"][1].update(organization_id=99), r"people\[1\]"),
        (lambda d: d["meetings"][0].update(at="soon"), r"meetings\[0\].at"),
        (lambda d: d["tags"].append(dict(d["tags"][0], id=9)), "database refused"),
        (lambda d: d["people"][0].pop("title"), r"people\[0\] lacks keys: title"),
        (lambda d: d["people"][0].update(colour="red"), "unknown keys: colour"),
        (lambda d: d.update(people={}), '"people" should be a list'),
        (lambda d: d["follow_ups"][0].update(status="bogus"), "not a valid choice"),
        (lambda d: d["meetings"][0].update(mode="teleport"), "not a valid choice"),
        (lambda d: d["outcomes"][0].update(felt=99), "less than or equal to 5"),
        (lambda d: d["organizations"][0].update(motivation=9), "less than or equal"),
        (lambda d: d["people"][0].update(linkedin_url="javascript:alert(1)"), "URL"),
        (lambda d: d["people"][0].update(name="x" * 10_000), "at most 200"),
        (lambda d: d["user"].update(goal_calls=10**30), "less than or equal"),
        (lambda d: d["people"][0].update(keep_in_touch_days=40_000), "32767"),
        (lambda d: d["people"][0].update(linkedin_url="ftp://x.example/"), "http"),
        (lambda d: d["people"][0].update(connected_on=[1]), r"\[1\] is not a valid"),
        (
            lambda d: d["people"][0].update(connected_on="9999-12-31"),
            "Give a date between 1900 and 2100, not 9999.",
        ),
        (
            lambda d: d["people"][0].update(created_at="2026-01-01T10:00:00"),
            "has no time zone",
        ),
    ],
)
def test_a_bad_export_says_what_is_wrong_and_writes_nothing(
    alice: User, bob: User, change: Any, message: str
) -> None:
    build_full_account(alice)
    data = exported(alice)
    change(data)
    with pytest.raises(ImportFileError, match=message):
        import_everything(bob, data, "alice.json")
    assert not Person.objects.filter(owner=bob).exists()
    assert User.objects.get(pk=bob.pk).two_minute_story == ""


def test_what_is_not_an_export_is_named_with_the_file() -> None:
    with pytest.raises(ImportFileError, match=r"x\.json, line 1: not valid JSON"):
        read_export(b"{nope", "x.json")
    with pytest.raises(ImportFileError, match=r"x\.json: not a Warmline JSON export"):
        read_export(b'{"format": "something-else"}', "x.json")
    with pytest.raises(ImportFileError, match=r"x\.json, line 1: not UTF-8"):
        read_export(b"{\xe9}", "x.json")
    with pytest.raises(ImportFileError, match=r"x\.json: JSON nested too deeply\.$"):
        read_export(b"[" * 100_000, "x.json")
    for escaped in (rb'"\u0000"', rb'"\ud800"'):
        text = b'{"format": "warmline-export", "people": [{"name": ' + escaped + b"}]}"
        with pytest.raises(ImportFileError, match=r"people\[0\]\.name holds a NUL"):
            read_export(text, "x.json")
    data = '{"format": "warmline-export"}'.encode("utf-16")
    assert read_export(data, "x.json") == {"format": "warmline-export"}


def renumbered(data: dict[str, Any]) -> dict[str, Any]:
    """A version-2 shaped dict with each record type's ids made 1, 2, 3… in file
    order, as an export writes them (version 1 kept database ids)."""
    maps = {
        r.label: {row["id"]: n for n, row in enumerate(data.get(r.key, []), 1)}
        for r in schema.record_types()
    }
    out = dict(data)
    for r in schema.record_types():
        rows = []
        for row in data.get(r.key, []):
            row = {**row, "id": maps[r.label][row["id"]]}
            for f in r.fields:
                if f.is_relation and row.get(f.attname) is not None:
                    row[f.attname] = maps[schema.related_label(f)][row[f.attname]]
            for m in r.many:
                if m.name in row:
                    target = maps[schema.related_label(m)]
                    row[m.name] = sorted(target[pk] for pk in row[m.name])
            rows.append(row)
        out[r.key] = rows
    return out


def test_a_version_1_export_imports_with_nothing_lost(alice: User) -> None:
    # Written by Warmline's version-1 exporter from an account like full_account's.
    old = read_export((FIXTURES / "export_v1.json").read_bytes(), "export_v1.json")
    assert old["version"] == 1
    import_everything(alice, old)
    expected = renumbered(json_v1.upgrade(old))
    now = exported(alice)
    for record in schema.record_types():
        assert len(now[record.key]) == len(expected[record.key]), record.key
        for mine, theirs in zip(now[record.key], expected[record.key], strict=True):
            assert {k: mine[k] for k in theirs} == theirs, record.key
    user = {k: v for k, v in expected["user"].items() if k not in ("username", "email")}
    assert {k: now["user"][k] for k in user} == user


def test_an_imported_resume_keeps_its_details_but_has_no_file_to_download(
    alice: User, bob: User, bob_client: Client
) -> None:
    build_full_account(alice)
    import_everything(bob, exported(alice))
    resume = ResumeVersion.objects.get(owner=bob)
    assert (resume.label, resume.size, resume.file.name) == ("Research", 2048, "")
    url = reverse("meetings:resume_download", args=[resume.pk])
    assert bob_client.get(url).status_code == 404


def test_an_old_exports_default_templates_come_in_as_todays(
    alice: User, bob: User
) -> None:
    """An export from before the defaults stopped speaking for the user ("ten years
    teaching") brings them back word for word: they take today's text, and a
    template the user wrote stays as written."""
    data = exported(alice)
    retired = RETIRED_DEFAULTS["Request for advice"]
    templates = data["message_templates"]
    advice = next(t for t in templates if t["name"] == "Request for advice")
    advice["subject"], advice["body"] = retired[0], retired[1].replace("\n", "\r\n")
    thanks = next(t for t in templates if t["name"] == "Thank-you")
    thanks["body"] = "Hi {first_name}, thanks! Written by me.\n\n{my_name}"
    import_everything(bob, data)
    mine = dict(MessageTemplate.objects.filter(owner=bob).values_list("name", "body"))
    current = {name: body for name, _, body in DEFAULT_TEMPLATES}
    assert mine["Request for advice"] == current["Request for advice"]
    assert "ten years" not in mine["Request for advice"]
    assert mine["Thank-you"] == "Hi {first_name}, thanks! Written by me.\n\n{my_name}"
