"""Backups hold every table; a restore checks a backup whole and changes nothing
unless all of it loads (`warmline backup`, `backup --check`, `restore`)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from typer.testing import CliRunner

from warmline.accounts.models import User
from warmline.cli import app
from warmline.exchange import backup, schema, uploads
from warmline.exchange.backup_format import DATA, FILES, MANIFEST, VERSION
from warmline.exchange.models import DistinctPair
from warmline.exchange.tests.full_account import RESUME_FILE, build_full_account
from warmline.people import services

pytestmark = pytest.mark.django_db


def everything() -> dict[str, Any]:
    """Every row of every table, and every file under MEDIA_ROOT.

    Times to the millisecond, and the pairs of a many-to-many without their ids:
    Django's serializer, which backups go through, keeps no more."""
    rows = {
        model._meta.label: sorted(
            (
                {
                    k: _to_ms(v)
                    for k, v in row.items()
                    if not (model._meta.auto_created and k == "id")
                }
                for row in model._base_manager.values()
            ),
            key=repr,
        )
        for model in apps.get_models(include_auto_created=True)
    }
    media = Path(settings.MEDIA_ROOT)
    files = {
        path.relative_to(media).as_posix(): path.read_bytes()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    return {"rows": rows, "files": files}


def _to_ms(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.time):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def invoke(*args: str) -> tuple[int, str]:
    """Run `warmline`; it must end by its own exit, never by an exception."""
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or type(result.exception) is SystemExit, (
        result.exception
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def server(alice: User, bob: User) -> None:
    """Two accounts, a row in every table a backup holds, a file, an import upload."""
    build_full_account(alice)
    services.create_person(bob, "Bob's contact", is_main_contact=True)
    coaches = Group.objects.create(name="coaches")
    first, *_, last = Permission.objects.order_by("pk")
    coaches.permissions.add(first)
    alice.groups.add(coaches)
    alice.user_permissions.add(last)
    LogEntry.objects.create(
        user=alice,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(bob.pk),
        object_repr="bob",
        action_flag=ADDITION,
    )
    uploads.keep(alice.pk, [b"Name,Email\nPreviewed,not@confirmed.example\n"])


@pytest.fixture
def sound(server: None, tmp_path: Path) -> Path:
    target = tmp_path / "sound.zip"
    backup.backup(target)
    return target


def rewrite(
    source: Path,
    target: Path,
    *,
    change: Callable[[dict[str, Any], list[dict[str, Any]]], None] | None = None,
    drop: tuple[str, ...] = (),
    add: dict[str, bytes] | None = None,
    stored: bool = False,
) -> Path:
    """A copy of a backup with its manifest and rows changed, members dropped or
    added (stored uncompressed, to damage its bytes)."""
    with zipfile.ZipFile(source) as old:
        manifest = json.loads(old.read(MANIFEST))
        rows = json.loads(old.read(DATA))
        if change:
            change(manifest, rows)
        members = {
            MANIFEST: json.dumps(manifest).encode(),
            DATA: json.dumps(rows).encode(),
            **{n: old.read(n) for n in old.namelist() if n not in (MANIFEST, DATA)},
            **(add or {}),
        }
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(target, "w", method) as new:
        for name, content in members.items():
            if name not in drop:
                new.writestr(name, content)
    return target


def damaged_file(sound: Path, target: Path) -> Path:
    rewrite(sound, target, stored=True)
    raw = target.read_bytes()
    assert raw.count(b"%PDF-1.7") == 1  # the resume's bytes, stored as they are
    target.write_bytes(raw.replace(b"%PDF-1.7", b"%PDF-1.8"))
    return target


def damaged_data(sound: Path, target: Path) -> Path:
    raw = bytearray(sound.read_bytes())
    with zipfile.ZipFile(sound) as archive:
        info = archive.getinfo(DATA)
    # The middle of data.json's compressed bytes, past its 30-byte local header.
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + info.compress_size // 2] ^= 0xFF
    target.write_bytes(bytes(raw))
    return target


def truncated(sound: Path, target: Path) -> Path:
    target.write_bytes(sound.read_bytes()[: sound.stat().st_size // 2])
    return target


def emptied(sound: Path, target: Path) -> Path:
    return rewrite(sound, target, change=lambda manifest, rows: rows.clear())


def emptied_with_a_manifest_to_match(sound: Path, target: Path) -> Path:
    def empty(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        rows.clear()
        manifest.update(rows=0, counts={}, files=0)

    return rewrite(sound, target, change=empty, drop=(FILES + RESUME_FILE,))


def one_row_short(sound: Path, target: Path) -> Path:
    def drop_an_email(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        rows.remove(next(r for r in rows if r["model"] == "people.emailaddress"))

    return rewrite(sound, target, change=drop_an_email)


def version_99(sound: Path, target: Path) -> Path:
    return rewrite(
        sound, target, change=lambda manifest, rows: manifest.update(version=99)
    )


def without_the_resume_file(sound: Path, target: Path) -> Path:
    return rewrite(
        sound,
        target,
        change=lambda manifest, rows: manifest.update(files=0),
        drop=(FILES + RESUME_FILE,),
    )


def foreign(sound: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("readme.txt", "holiday photos")
        archive.writestr("data.json", "[]")
    return target


def climbing_out(sound: Path, target: Path) -> Path:
    return rewrite(sound, target, add={"../x": b"outside"})


def climbing_out_of_files(sound: Path, target: Path) -> Path:
    return rewrite(sound, target, add={"files/../../x": b"outside"})


def a_broken_reference(sound: Path, target: Path) -> Path:
    def point_nowhere(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        person = next(r for r in rows if r["model"] == "people.person")
        person["fields"]["organization"] = 999_999

    return rewrite(sound, target, change=point_nowhere)


def _set(model: str, **fields: Any) -> Callable[[dict[str, Any], list[Any]], None]:
    def change(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        next(r for r in rows if r["model"] == model)["fields"].update(fields)

    return change


def a_made_up_time_zone(sound: Path, target: Path) -> Path:
    return rewrite(
        sound, target, change=_set("accounts.user", time_zone="Mars/Olympus")
    )


def a_meeting_in_9999(sound: Path, target: Path) -> Path:
    change = _set("meetings.meeting", at="9999-12-31T23:59:00Z", duration_minutes=999)
    return rewrite(sound, target, change=change)


def a_script_link(sound: Path, target: Path) -> Path:
    change = _set("people.person", linkedin_url="javascript:alert(1)")
    return rewrite(sound, target, change=change)


def an_unknown_field(sound: Path, target: Path) -> Path:
    return rewrite(sound, target, change=_set("people.tag", colour="red"))


def a_row_twice(sound: Path, target: Path) -> Path:
    # Counted twice in the file and in a manifest to match; loaded, the second row
    # overwrites the first: only counting the tables after loading finds it.
    def twice(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        rows.append(next(r for r in rows if r["model"] == "people.tag"))
        manifest["rows"] += 1
        manifest["counts"]["people.tag"] += 1

    return rewrite(sound, target, change=twice)


# How each backup is spoiled, what the refusal says, and whether a check finds it
# before anything is loaded (the last two only show when loading).
SPOILED = [
    (damaged_file, f"damaged: {FILES}{RESUME_FILE} fails its checksum", True),
    (damaged_data, f"damaged: {DATA}", True),
    (truncated, "not a readable zip, damaged or truncated", True),
    (emptied, f"{DATA} does not hold what its manifest says: admin.logentry 0", True),
    (emptied_with_a_manifest_to_match, "it holds no account", True),
    (one_row_short, "people.emailaddress 0 (manifest 1)", True),
    (version_99, "its manifest has version 99; this Warmline reads versions", True),
    (without_the_resume_file, f"{FILES}{RESUME_FILE}, the file of meetings", True),
    (foreign, "not a Warmline backup (no manifest.json)", True),
    (climbing_out, "member '../x' would be written outside the data directory", True),
    (climbing_out_of_files, "member 'files/../../x' would be written outside", True),
    (a_broken_reference, "organization points to people.organization 999999", True),
    (a_made_up_time_zone, "time_zone: 'Mars/Olympus' is not a time zone", True),
    (a_meeting_in_9999, "Give a date between 1900 and 2100, not 9999", True),
    (a_script_link, "linkedin_url: Enter a valid URL", True),
    (an_unknown_field, "has a field 'colour' that people.tag has not", True),
    (a_row_twice, "the restored tables differ from its manifest: people.tag", False),
]


@pytest.mark.parametrize(
    ("spoil", "reason", "found_by_check"),
    SPOILED,
    ids=[spoil.__name__ for spoil, _, _ in SPOILED],
)
def test_a_spoiled_backup_is_refused_with_its_reason_and_nothing_changes(
    sound: Path,
    tmp_path: Path,
    spoil: Callable[[Path, Path], Path],
    reason: str,
    found_by_check: bool,
) -> None:
    spoiled = spoil(sound, tmp_path / "spoiled.zip")
    before = everything()
    code, output = invoke("restore", str(spoiled), "--force")
    assert code == 1
    assert output.startswith(f"Error: {spoiled}: ") and reason in output, output
    assert output.rstrip("\n").count("\n") == 0, "one line"
    assert output.rstrip().endswith("Nothing was changed.")
    assert everything() == before
    assert not (Path(settings.MEDIA_ROOT).parent / ".restoring").exists()
    code, output = invoke("backup", "--check", str(spoiled))
    if found_by_check:
        assert code == 1 and reason in output, output
    else:
        assert code == 0 and "is sound" in output, output


def test_a_restore_replaces_every_row_and_file_with_the_backups(
    sound: Path, alice: User
) -> None:
    backed_up = everything()
    services.create_person(alice, "Added after the backup")
    (Path(settings.MEDIA_ROOT) / RESUME_FILE).write_bytes(b"changed after")
    stray = Path(settings.MEDIA_ROOT) / "resumes" / "stray.pdf"
    stray.write_bytes(b"not in the backup")
    code, output = invoke("restore", str(sound), "--force")
    assert code == 0 and "Restored" in output and "and 1 file " in output, output
    restored = everything()
    # Everything as it was, but the import upload: it was never backed up.
    upload = next(n for n in backed_up["files"] if n.startswith(uploads.FOLDER))
    del backed_up["files"][upload]
    assert restored == backed_up
    media = Path(settings.MEDIA_ROOT)
    for path in [media, *media.rglob("*")]:
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600)


def test_a_backup_holds_every_table_but_those_migrate_makes(
    sound: Path, alice: User
) -> None:
    backed_up = {m._meta.label for m in schema.backed_up_tables()}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        assert (label in backed_up) != (label in schema.NOT_BACKED_UP), label
    with zipfile.ZipFile(sound) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        names = archive.namelist()
    assert manifest["version"] == VERSION
    counts = manifest["counts"]
    assert counts == {
        m._meta.label_lower: m._base_manager.count() for m in schema.backed_up_tables()
    }
    filled = {label for label, count in counts.items() if count}
    assert filled == {label.lower() for label in backed_up}, "fill every table"
    assert counts["exchange.distinctpair"] == DistinctPair.objects.count() == 2
    assert names == [MANIFEST, DATA, FILES + RESUME_FILE], "no import upload"
    assert sound.stat().st_mode & 0o777 == 0o600


def test_check_says_what_a_sound_backup_holds(sound: Path) -> None:
    code, output = invoke("backup", "--check", str(sound))
    assert code == 0, output
    assert f"{sound} is sound:" in output and "rows and 1 file," in output


def test_a_backup_of_version_1_still_restores(sound: Path, tmp_path: Path) -> None:
    def as_version_1(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        manifest["version"] = 1
        del manifest["counts"]

    older = rewrite(sound, tmp_path / "v1.zip", change=as_version_1)
    before = everything()
    code, output = invoke("restore", str(older), "--force")
    assert code == 0, output
    after = everything()
    assert after["rows"] == before["rows"]


def test_a_backup_missing_a_file_is_not_written_and_the_last_one_stays(
    sound: Path,
) -> None:
    kept = sound.read_bytes()
    (Path(settings.MEDIA_ROOT) / RESUME_FILE).unlink()
    code, output = invoke("backup", str(sound))
    assert code == 1 and f"{RESUME_FILE}, the file of meetings" in output, output
    assert sound.read_bytes() == kept
    assert [p.name for p in sound.parent.iterdir() if p.name.endswith(".partial")] == []
