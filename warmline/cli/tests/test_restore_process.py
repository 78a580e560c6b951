"""`warmline restore` as a process on a WARMLINE_HOME: killed with SIGKILL while it
loads, it leaves the old database or the new one, whole (SQLite always, PostgreSQL
when the suite runs on it); a server holding the SQLite database, or rows that
cannot be loaded, leave the old one as it was."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from warmline.cli.tests.processes import DATABASE, WARMLINE, environment, warmline
from warmline.exchange.backup_format import DATA, MANIFEST

BUILDING = DATABASE + ".restoring"  # the new database, while a restore builds it
# Seconds from the moment the new database appears to the kill: the first lands
# while the rows load; the later ones may land after the swap.
KILL_DELAYS = (0.0, 0.1, 0.25, 0.5)


def tables(home: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table; the database must open and be intact."""
    db = sqlite3.connect(home / DATABASE)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table'"
            )
        ]
        return {
            name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        db.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A home holding the old data (the demo and one more person), and a backup of
    the new data (the demo alone)."""
    home = tmp_path_factory.mktemp("old-home")
    new = home.parent / "new.zip"
    assert warmline(home, "demo").returncode == 0
    assert warmline(home, "backup", str(new)).returncode == 0
    added = warmline(home, "people", "add", "Only In The Old", "--main")
    assert added.returncode == 0, added.stderr
    yield home, new


def copy_of(home: Path, tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(home, tmp_path / name))


def kill_during_restore(
    home: Path,
    backup: Path,
    delay: float,
    began: str = BUILDING,
    database: str | None = None,
) -> None:
    """Start a restore; kill it `delay` seconds after `began` appears in `home`."""
    process = subprocess.Popen(
        [str(WARMLINE), "restore", str(backup), "--force"],
        env=environment(home, database),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not (home / began).exists() and process.poll() is None:
        assert time.monotonic() < deadline, "the restore never began"
        time.sleep(0.002)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_a_restore_killed_at_any_moment_leaves_the_old_data_or_the_new(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    template, new = made
    old = tables(template)
    outcomes = []
    for number, delay in enumerate(KILL_DELAYS):
        home = copy_of(template, tmp_path, f"killed-{number}")
        kill_during_restore(home, new, delay)
        outcomes.append((home, tables(home)))
    # Restored to the end where a kill left it: the new data, and no leftovers.
    home = outcomes[0][0]
    finished = warmline(home, "restore", str(new), "--force")
    assert finished.returncode == 0, finished.stderr
    restored = tables(home)
    assert restored != old
    assert sorted(p.name for p in home.iterdir()) == ["files", DATABASE]
    for _, found in outcomes:
        assert found in (old, restored)
    assert outcomes[0][1] == old, "killed while loading: the old data"


def test_rows_that_cannot_be_loaded_leave_the_old_database_and_no_leftovers(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    template, new = made
    home = copy_of(template, tmp_path, "home")
    broken = tmp_path / "broken.zip"
    # A second tag of the same name: every value checks, the unique constraint
    # refuses it only as it is loaded.
    with zipfile.ZipFile(new) as source, zipfile.ZipFile(broken, "w") as copy:
        manifest = json.loads(source.read(MANIFEST))
        rows = json.loads(source.read(DATA))
        tag = next(r for r in rows if r["model"] == "people.tag")
        rows.append({**tag, "pk": 999_999})
        manifest["rows"] += 1
        manifest["counts"]["people.tag"] += 1
        for name in source.namelist():
            content = {
                DATA: json.dumps(rows).encode(),
                MANIFEST: json.dumps(manifest).encode(),
            }.get(name) or source.read(name)
            copy.writestr(name, content)
    before = tables(home)
    result = warmline(home, "restore", str(broken), "--force")
    assert result.returncode == 1 and "its rows cannot be loaded" in result.stderr
    assert "Traceback" not in result.stderr
    assert tables(home) == before
    assert sorted(p.name for p in home.iterdir()) == [DATABASE]


def test_a_database_in_use_is_not_swapped(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    template, new = made
    home = copy_of(template, tmp_path, "home")
    before = tables(home)
    server = sqlite3.connect(home / DATABASE)  # another process's connection, open
    try:
        server.execute("SELECT count(*) FROM people_person").fetchone()
        result = warmline(home, "restore", str(new), "--force")
    finally:
        server.close()
    assert result.returncode == 1, result.stdout
    assert "is in use by another process" in result.stderr
    assert "Nothing was changed." in result.stderr
    assert tables(home) == before
    assert sorted(p.name for p in home.iterdir()) == [DATABASE]


STAGING = ".restoring"  # the staged files: a restore on PostgreSQL loads next


def postgresql_tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    import psycopg

    with psycopg.connect(url) as db:
        names = db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        return {
            name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for (name,) in names
        }


def test_on_postgresql_a_restore_killed_at_any_moment_leaves_old_or_new(
    server: Callable[..., str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    template = server("old")
    new = tmp_path / "new.zip"
    assert warmline(home, "demo", database=template).returncode == 0
    assert warmline(home, "backup", str(new), database=template).returncode == 0
    added = warmline(home, "people", "add", "Only In", "--main", database=template)
    assert added.returncode == 0, added.stderr
    old = postgresql_tables(template)
    outcomes = []
    for number, delay in enumerate(KILL_DELAYS[::2]):  # fewer: each is slower
        copy = copy_of(home, tmp_path, f"killed-{number}")
        database = server(f"killed_{number}", template=urlsplit(template).path[1:])
        kill_during_restore(copy, new, delay, began=STAGING, database=database)
        outcomes.append((copy, database, postgresql_tables(database)))
    copy, database, _ = outcomes[0]
    finished = warmline(copy, "restore", str(new), "--force", database=database)
    assert finished.returncode == 0, finished.stderr
    restored = postgresql_tables(database)
    assert restored != old
    for _, _, found in outcomes:
        assert found in (old, restored)
    assert outcomes[0][2] == old, "killed while loading: the old data"
