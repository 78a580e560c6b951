"""What a deployment promises: Django's deployment checks pass with WARMLINE_SECURE,
and no page runs inline script (a Content-Security-Policy, and templates without
inline handlers, scripts or styles)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import warmline

PACKAGE = Path(warmline.__file__).parent
MANAGE = PACKAGE.parent / "manage.py"


def check_deploy(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WARMLINE_", "DJANGO_", "DATABASE_URL"))
    }
    env |= {
        "WARMLINE_HOME": str(tmp_path / "home"),
        "WARMLINE_ALLOWED_HOSTS": "warmline.example.org",
        **extra,
    }
    return subprocess.run(
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_secure_deployment_passes_djangos_checks(tmp_path: Path) -> None:
    result = check_deploy(tmp_path, WARMLINE_SECURE="1", WARMLINE_BEHIND_PROXY="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_secure_the_checks_say_what_is_missing(tmp_path: Path) -> None:
    result = check_deploy(tmp_path)
    assert result.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012"):
        assert warning in result.stderr + result.stdout


@pytest.mark.django_db
def test_every_page_carries_a_policy_without_inline_script(
    alice_client: Client,
) -> None:
    policy = alice_client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
    assert "Content-Security-Policy" in Client().get("/accounts/login/")


INLINE = [
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
    (re.compile(r"\sstyle\s*=", re.I), "an inline style"),
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline script"),
    (re.compile(r"<style\b", re.I), "a style element"),
    (re.compile(r"javascript:", re.I), "a javascript: link"),
]


# Written to a file by `warmline report --html`, never served: it must stand alone.
STANDALONE = {"insights/templates/insights/report_standalone.html"}


def test_templates_have_no_inline_script_or_style() -> None:
    found = [
        f"{template.relative_to(PACKAGE)}:{n}: {what}"
        for template in PACKAGE.rglob("templates/**/*.html")
        if str(template.relative_to(PACKAGE)) not in STANDALONE
        for n, line in enumerate(template.read_text().splitlines(), start=1)
        for pattern, what in INLINE
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)
