"""Running `warmline` as its own process on a temporary WARMLINE_HOME, on SQLite
there or on a database of its own on the suite's PostgreSQL (the `server` fixture
in conftest.py), for the tests that kill it or race it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WARMLINE = Path(sys.executable).with_name("warmline")
DATABASE = "warmline.sqlite3"
POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")


def environment(home: Path, database: str | None = None) -> dict[str, str]:
    """SQLite in `home`, or the PostgreSQL database at the URL `database`; not the
    test settings (they make a throwaway home) nor the suite's own database."""
    keep = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    keep.update(WARMLINE_HOME=str(home), WARMLINE_SECRET_KEY="test-key")
    return {**keep, "DATABASE_URL": database} if database else keep


def warmline(
    home: Path, *args: str, database: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WARMLINE), *args],
        env=environment(home, database),
        capture_output=True,
        text=True,
        timeout=60,
    )
