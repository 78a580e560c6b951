"""`warmline import` as a process on a WARMLINE_HOME: killed with SIGKILL at any
moment it leaves the database intact with all of the file or none of it; and while
it runs, 20 writers on the web see no error, lose no write and never wait 2 s
(SQLite always, PostgreSQL when the suite runs on it)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warmline.cli.tests.processes import DATABASE, WARMLINE, environment, warmline
from warmline.exchange.tests.connections_file import write_connections

ROWS = 10_000  # a second's import: seconds of test, the same transactions
WRITERS = 20
# Seconds from the moment the import begins to write (its WAL appears) to the
# kill: inside its one transaction; the last may land after its commit.
KILL_DELAYS = (0.0, 0.1, 0.25)


def count(home: Path, database: str | None, table: str) -> int:
    if database:
        import psycopg

        with psycopg.connect(database) as server:
            row = server.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    else:
        db = sqlite3.connect(home / DATABASE)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            row = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        finally:
            db.close()
    assert row is not None
    return int(row[0])


def seeded(home: Path, database: str | None = None) -> Path:
    """A home whose database holds the local owner and one person."""
    added = warmline(home, "people", "add", "Seed Person", "--main", database=database)
    assert added.returncode == 0, added.stderr
    return home


def race(home: Path, file: Path, database: str | None) -> dict[str, Any]:
    """Run the import while the writers write; what the writers saw."""
    writers = subprocess.Popen(
        [sys.executable, "-m", "warmline.cli.tests.writers", str(WRITERS)],
        env=environment(home, database),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writers.stdout is not None and writers.stdout.readline() == "ready\n"
    imported = warmline(home, "import", "linkedin", str(file), database=database)
    out, _ = writers.communicate("stop\n", timeout=60)
    assert imported.returncode == 0, imported.stderr
    return dict(json.loads(out.splitlines()[-1]))


def check_race(home: Path, file: Path, database: str | None = None) -> None:
    seen = race(home, file, database)
    assert seen["errors"] == []
    assert seen["worst"] < 2.0, seen
    # Nothing lost: the seed, the whole file, every person and call written.
    assert count(home, database, "people_person") == 1 + ROWS + seen["adds"]
    assert count(home, database, "outreach_attempt") == seen["calls"]


def test_writers_on_the_web_never_wait_long_while_an_import_runs(
    tmp_path: Path,
) -> None:
    file = write_connections(tmp_path / "Connections.csv", ROWS)
    check_race(seeded(tmp_path / "home"), file)


def test_on_postgresql_writers_never_wait_long_while_an_import_runs(
    server: Callable[..., str], tmp_path: Path
) -> None:
    database = server("race")
    file = write_connections(tmp_path / "Connections.csv", ROWS)
    check_race(seeded(tmp_path / "home", database), file, database)


def kill_during_import(home: Path, file: Path, delay: float) -> None:
    """Start an import; kill it `delay` seconds after it begins to write."""
    process = subprocess.Popen(
        [str(WARMLINE), "import", "linkedin", str(file)],
        env=environment(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = home / (DATABASE + "-wal")
    deadline = time.monotonic() + 30
    while not (wal.exists() and wal.stat().st_size) and process.poll() is None:
        assert time.monotonic() < deadline, "the import never began to write"
        time.sleep(0.002)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_an_import_killed_at_any_moment_leaves_all_of_it_or_none(
    tmp_path: Path,
) -> None:
    template = seeded(tmp_path / "template")
    file = write_connections(tmp_path / "Connections.csv", ROWS)
    found = []
    for number, delay in enumerate(KILL_DELAYS):
        home = Path(shutil.copytree(template, tmp_path / f"killed-{number}"))
        kill_during_import(home, file, delay)
        found.append(count(home, None, "people_person"))
    assert set(found) <= {1, 1 + ROWS}, found
    assert found[0] == 1, "killed as it began to write: nothing"
    # And the database goes on: the file imports where a kill left nothing.
    home = tmp_path / "killed-0"
    assert warmline(home, "import", "linkedin", str(file)).returncode == 0
    assert count(home, None, "people_person") == 1 + ROWS


def test_a_preview_needs_no_write_lock(tmp_path: Path) -> None:
    home = seeded(tmp_path / "home")
    file = write_connections(tmp_path / "Connections.csv", 100)
    other = sqlite3.connect(home / DATABASE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer, holding the lock throughout
    try:
        start = time.monotonic()
        preview = warmline(home, "import", "linkedin", str(file), "--dry-run")
        took = time.monotonic() - start
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert preview.returncode == 0, preview.stderr
    assert "Would import Connections.csv: 100 new" in preview.stdout
    assert took < 10  # not the 20 s busy timeout
