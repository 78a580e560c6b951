"""Where Warmline keeps its data: WARMLINE_HOME, or the user's data directory.

Reading settings only computes paths. The entry points (the `warmline` command,
manage.py, the WSGI application) call `prepare_home()` first, which makes the
directory and, on first use, the secret key file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs

SECRET_KEY_FILE = "secret_key"


def warmline_home() -> Path:
    raw = os.environ.get("WARMLINE_HOME")
    return (
        Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("warmline"))
    )


def prepare_home() -> Path:
    """Make the data directory and, unless the environment gives one, a secret key."""
    home = warmline_home()
    home.mkdir(parents=True, exist_ok=True)
    path = home / SECRET_KEY_FILE
    if not os.environ.get("WARMLINE_SECRET_KEY") and not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return home


def secret_key(home: Path) -> str:
    """The secret key from the environment, or from the file prepare_home() made
    (empty before then: Django refuses to start without one, saying so)."""
    if key := os.environ.get("WARMLINE_SECRET_KEY"):
        return key
    path = home / SECRET_KEY_FILE
    return path.read_text().strip() if path.exists() else ""
