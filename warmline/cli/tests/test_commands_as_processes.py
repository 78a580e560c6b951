"""Each import command run as its own process, as a user types it: the in-process
tests share one set-up Django, so a command that touches the models before setting
Django up would pass them and fail for everyone (it did: `import csv`)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from warmline.cli.tests.processes import WARMLINE, environment, warmline

FILES = {
    "linkedin": (
        "c.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ana,Lima,,ana@example.com,Acme,,12 Mar 2024\n",
    ),
    "google": ("g.csv", "Name,Given Name,E-mail 1 - Value\nAna Lima,Ana,ana@ex.com\n"),
    "vcard": (
        "p.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nN:Lima;Ana;;;\nEND:VCARD\n",
    ),
    "csv": ("any.csv", "Full Name,Mail\nAna Lima,ana@example.com\n"),
}


@pytest.mark.parametrize("kind", FILES)
def test_every_import_command_runs_on_its_own(tmp_path: Path, kind: str) -> None:
    name, text = FILES[kind]
    path = tmp_path / name
    path.write_text(text)
    done = warmline(tmp_path / "home", "import", kind, str(path), "--dry-run")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 new" in done.stdout and "Traceback" not in done.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, headers: dict[str, str]) -> int:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        return int(opener.open(urllib.request.Request(url, headers=headers)).status)
    except urllib.error.HTTPError as error:
        return error.code


def test_serve_signs_in_only_direct_requests_from_this_machine(tmp_path: Path) -> None:
    """Through waitress, as `warmline serve` runs: a request a proxy on this machine
    forwards (it says so in a header) is not the owner at the keyboard."""
    port = free_port()
    server = subprocess.Popen(
        [str(WARMLINE), "serve", "--port", str(port), "--no-browser", "--no-demo"],
        env=environment(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while get_or_none(url) is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert get(url, {}) == 200
        for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
            assert get(url, {header: "for=203.0.113.9"}) == 302, header
    finally:
        server.terminate()
        server.wait(timeout=10)


def get_or_none(url: str) -> int | None:
    try:
        return get(url, {})
    except OSError:
        return None


def test_serving_beyond_this_machine_needs_someone_with_a_password(
    tmp_path: Path,
) -> None:
    assert warmline(tmp_path, "createuser", "solo").returncode == 0
    done = warmline(
        tmp_path,
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        str(free_port()),
        "--no-browser",
    )
    assert done.returncode == 1
    assert "Nobody could sign in" in done.stderr
    assert "warmline changepassword solo --password-stdin" in done.stderr
