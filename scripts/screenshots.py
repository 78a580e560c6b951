"""Regenerate README's screenshots from the real pages (`make screenshots`).

Serves Warmline from a throwaway WARMLINE_HOME with the demo network loaded, and
photographs the pages with Playwright in Debian's Chromium.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def warmline(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    command = [sys.executable, "-m", "warmline", *args]
    return subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, input=stdin
    ).stdout


JOURNAL_ENTRY = """Elena did not know of an opening, and that was the point: she \
walked me through how her team decides what to research.

- **Ask** every researcher which study changed a decision.
- Bring the one-page resume, not the two-page one.

Next: write to [Arjun](https://example.org) before Friday."""


def share_with_a_coach(env: dict[str, str]) -> tuple[str, str]:
    """The demo seeker gets a password, a coach account follows the search, and a
    shared journal entry; returns (seeker, password)."""
    # While the demo seeker is the only account, commands act for them.
    warmline(
        env,
        "journal",
        "add",
        "What Elena said",
        "--body-file",
        "-",
        "--shared",
        stdin=JOURNAL_ENTRY,
    )
    name = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from warmline.accounts.models import User; print(User.objects.get())",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "warmline.config.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    password = "screenshots-only-9f3k"
    warmline(env, "changepassword", name, "--password-stdin", stdin=password)
    warmline(env, "createuser", "morgan", "--password-stdin", stdin=password)
    invitation = warmline(env, "share", "invite", "--role", "coach", "--user", name)
    code = next(
        line.split(": ", 1)[1]
        for line in invitation.splitlines()
        if line.startswith("Code:")
    )
    warmline(env, "share", "accept", code, "--user", "morgan")
    return name, password


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/**")


def main() -> None:
    home = tempfile.mkdtemp(prefix="warmline-screenshots-")
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WARMLINE_", "DATABASE_URL"))
    }
    env.update(WARMLINE_HOME=home, CI="1")
    warmline(env, "demo")
    leah = json.loads(warmline(env, "people", "show", "Leah Goldberg", "--json"))
    meetings = json.loads(warmline(env, "meetings", "list", "--json"))
    planned = next(m for m in meetings if m["person"] == "Elena Petrova")
    serve = ["serve", "--no-browser", "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-m", "warmline", *serve],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        OUT.mkdir(parents=True, exist_ok=True)
        shots = {
            "people.png": "/people/",
            "person.png": f"/people/{leah['id']}/",
            "today.png": "/",
            "meeting.png": f"/meetings/{planned['id']}/",
            "paths.png": "/paths/",
            "insights.png": "/insights/?period=all",
        }
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for name, path in shots.items():
                page.goto(base + path)
                page.screenshot(path=OUT / name)
                print(f"wrote {OUT / name}")
            page.goto(base + "/network/")
            page.locator("#graph[data-nodes]").wait_for(state="attached")
            page.screenshot(path=OUT / "network.png")
            print(f"wrote {OUT / 'network.png'}")
            page.goto(base + "/calls/")
            page.get_by_role("button", name="Start a sitting").last.click()
            page.wait_for_url("**/sessions/**")
            page.locator(".session[data-ready]").wait_for(state="attached")
            page.screenshot(path=OUT / "session.png")
            print(f"wrote {OUT / 'session.png'}")
            seeker, password = share_with_a_coach(env)
            coach = browser.new_page(viewport={"width": 1280, "height": 800})
            sign_in(coach, base, "morgan", password)
            coach.goto(base + "/coach/")
            coach.screenshot(path=OUT / "coach.png")
            coach.locator("table.seeker-weeks a[href^='/coach/']").first.click()
            coach.wait_for_url("**/coach/*/")
            coach.screenshot(path=OUT / "seeker.png")
            mine = browser.new_page(viewport={"width": 1280, "height": 800})
            sign_in(mine, base, seeker, password)
            mine.goto(base + "/journal/")
            mine.get_by_role("link", name="What Elena said").click()
            mine.screenshot(path=OUT / "journal.png")
            for name in ("coach.png", "seeker.png", "journal.png"):
                print(f"wrote {OUT / name}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
