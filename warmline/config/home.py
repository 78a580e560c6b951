"""Where Warmline keeps its data: WARMLINE_HOME, or the user's data directory.

Reading settings only computes paths. The entry points (the `warmline` command,
manage.py, the WSGI application) call `prepare_home()` first, which makes the
directory and, on first use, the secret key file.

A network is personal data: the directory is made 0700, and the process's umask is
set so that everything it writes there (the database and its WAL and shared-memory
files, uploads, backups) is readable by its owner alone.
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


PRIVATE_UMASK = 0o077  # files 0600, directories 0700


def prepare_home() -> Path:
    """Make the data directory (0700) and, unless the environment gives one, a secret
    key (0600 from the moment it exists); from now on, this process writes private
    files."""
    os.umask(PRIVATE_UMASK)
    home = warmline_home()
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = home / SECRET_KEY_FILE
    if not os.environ.get("WARMLINE_SECRET_KEY") and not path.exists():
        # Created with its mode: never readable by others, not even for a moment.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as key_file:
            key_file.write(secrets.token_urlsafe(50))
    return home


def secret_key(home: Path) -> str:
    """The secret key from the environment, or from the file prepare_home() made
    (empty before then: Django refuses to start without one, saying so)."""
    if key := os.environ.get("WARMLINE_SECRET_KEY"):
        return key
    path = home / SECRET_KEY_FILE
    return path.read_text().strip() if path.exists() else ""
