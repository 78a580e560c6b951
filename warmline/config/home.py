"""Where Warmline keeps its data: WARMLINE_HOME, or the user's data directory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


def warmline_home() -> Path:
    raw = os.environ.get("WARMLINE_HOME")
    home = (
        Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("warmline"))
    )
    home.mkdir(parents=True, exist_ok=True)
    return home


def secret_key(home: Path) -> str:
    """The secret key from the environment, or from a file generated on first use."""
    if key := os.environ.get("WARMLINE_SECRET_KEY"):
        return key
    path = home / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
