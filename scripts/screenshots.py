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

from playwright.sync_api import sync_playwright

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


def warmline(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "warmline", *args]
    return subprocess.run(
        command, env=env, check=True, capture_output=True, text=True
    ).stdout


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
            page = browser.new_page(viewport={"width": 1200, "height": 760})
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
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
