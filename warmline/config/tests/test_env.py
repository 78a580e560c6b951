"""Settings helpers fail loudly on bad values."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from warmline.config.env import env_bool, env_int, env_list
from warmline.config.home import prepare_home


def test_booleans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X", "yes")
    assert env_bool("X") is True
    monkeypatch.setenv("X", "0")
    assert env_bool("X", True) is False
    monkeypatch.delenv("X")
    assert env_bool("X", True) is True
    monkeypatch.setenv("X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X='maybe' is not a boolean"):
        env_bool("X")


def test_integers_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("N", 1)
    monkeypatch.setenv("L", "a.example, b.example,")
    assert env_list("L", []) == ["a.example", "b.example"]


def test_reading_the_settings_creates_nothing(tmp_path: Path) -> None:
    """Only the entry points make the data directory and the secret key."""
    home = tmp_path / "not-yet"
    env = {**os.environ, "WARMLINE_HOME": str(home)}
    env.pop("WARMLINE_SECRET_KEY", None)
    code = "import warmline.config.settings as s; print(s.HOME)"
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(home)
    assert not home.exists()


def test_prepare_home_makes_the_directory_and_one_secret_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARMLINE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WARMLINE_SECRET_KEY", raising=False)
    umask = os.umask(0o022)
    try:
        home = prepare_home()
        assert os.umask(0o077) == 0o077  # this process now writes private files
    finally:
        os.umask(umask)
    key = (home / "secret_key").read_text()
    assert len(key) > 40 and mode(home / "secret_key") == 0o600
    assert mode(home) == 0o700
    assert prepare_home() == home and (home / "secret_key").read_text() == key
    os.umask(umask)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_the_database_and_its_journal_files_are_private(tmp_path: Path) -> None:
    """Through the command itself, with the machine's usual umask."""
    home = tmp_path / "home"
    env = {**os.environ, "WARMLINE_HOME": str(home)}
    for key in ("WARMLINE_SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"):
        env.pop(key, None)
    code = (
        "import os, sys; os.umask(0o022); from warmline.cli import app; "
        "sys.argv = ['warmline', 'people', 'add', 'Dana Reyes']; app()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    files = {p.name: mode(p) for p in home.iterdir()}
    assert files["warmline.sqlite3"] == 0o600 and files["secret_key"] == 0o600
    assert all(m == 0o600 for m in files.values() if m & 0o100 == 0), files
    assert mode(home) == 0o700
