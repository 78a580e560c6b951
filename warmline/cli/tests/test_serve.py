"""`warmline serve` for real: a subprocess on a free port, as `make run` starts it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from warmline.cli.serve import is_loopback


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.0.2.1", False),
        ("example.com", False),
    ],
)
def test_loopback_addresses(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_once(home: Path, *args: str) -> tuple[str, str]:
    """Start `warmline serve` as `make run` does, fetch the home page, stop it."""
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "DJANGO_", "WARMLINE_"))
    }
    env.update(WARMLINE_HOME=str(home), PORT=str(port), CI="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "warmline", "serve", "--no-browser", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/", timeout=2
                ) as r:
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert body, "the home page did not answer"
        css = f"http://127.0.0.1:{port}/static/vendor/pico-2.1.1.min.css"
        with urllib.request.urlopen(css, timeout=5) as r:
            assert r.status == 200
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in output
    return body, output


def test_serve_migrates_creates_the_owner_and_loads_the_demo_on_a_first_run(
    tmp_path: Path,
) -> None:
    body, output = serve_once(tmp_path)
    assert "You are exploring the <strong>demo network</strong>" in body
    assert "loaded a demo network of 45 people" in output
    assert (tmp_path / "warmline.sqlite3").exists()
    assert (tmp_path / "secret_key").exists()
    body, output = serve_once(tmp_path)  # the second run loads nothing more
    assert "loaded a demo" not in output and "demo network" in body


def test_serve_without_the_demo_shows_the_welcome_page(tmp_path: Path) -> None:
    body, output = serve_once(tmp_path, "--no-demo")
    assert "Welcome to Warmline" in body and "loaded a demo" not in output


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "DJANGO_", "WARMLINE_"))
    }
    env.update(WARMLINE_HOME=str(tmp_path), CI="1")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "warmline", "serve", "--no-browser"],
            env={**env, "PORT": str(port)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert f"Port {port} is in use" in line
    assert "--port" in line and "PORT" in line
    assert not (tmp_path / "warmline.sqlite3").exists()  # nothing was done
