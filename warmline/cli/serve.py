"""`warmline serve`: migrate, then serve Warmline with waitress."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import webbrowser
from typing import Annotated, Any

import typer

from warmline.cli.common import console, fail, styled
from warmline.core.hosts import is_loopback


def _can_open_browser() -> bool:
    """Best effort only: never on CI, and on Linux only with a display to open it on."""
    if os.environ.get("CI"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _open_browser_soon(url: str) -> None:
    def opener() -> None:
        # A browser that will not open is not an error: the URL is printed anyway.
        with contextlib.suppress(Exception):
            webbrowser.open(url)

    threading.Timer(1.0, opener).start()


def proxy_options(behind_proxy: bool) -> dict[str, Any]:
    """How waitress treats forwarding headers (X-Forwarded-For, Forwarded, …).

    Behind a proxy (WARMLINE_BEHIND_PROXY) it trusts the one hop in front: the
    client's address becomes REMOTE_ADDR (sign-in throttling counts by it) and the
    scheme https. Otherwise it trusts none but passes them on, so that local mode
    sees a request came through a proxy and does not sign it in (waitress would
    otherwise drop them before Django could tell).
    """
    if behind_proxy:
        return {
            "trusted_proxy": "*",
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": {
                "x-forwarded-for",
                "x-forwarded-proto",
                "x-forwarded-host",
            },
        }
    return {"clear_untrusted_proxy_headers": False}


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    """One line for a bind that failed (waitress raises OSError), not a traceback."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"Port {port} is in use (is Warmline already running?). Choose another "
            f"with --port or PORT, e.g. `warmline serve --port {port + 1}`."
        )
    return f"Cannot listen on {host}:{port}: {error.strerror or error}."


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(help="Port to listen on.", envvar="PORT", show_envvar=True)
    ] = 8000,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser window.")
    ] = False,
    threads: Annotated[int, typer.Option(help="Worker threads.")] = 8,
    demo: Annotated[
        bool,
        typer.Option(
            help="On a first run (no account yet, on 127.0.0.1), load the demo "
            "network to explore; one click removes it."
        ),
    ] = True,
) -> None:
    """Serve Warmline. On 127.0.0.1 the only user is signed in without a password."""
    local = is_loopback(host)
    os.environ["WARMLINE_LOCAL_MODE"] = "1" if local else "0"
    if (
        not local
        and "WARMLINE_ALLOWED_HOSTS" not in os.environ
        and host not in ("0.0.0.0", "::")
    ):
        os.environ["WARMLINE_ALLOWED_HOSTS"] = host

    from warmline.cli.common import setup_django

    setup_django(migrate=False)
    from django.conf import settings
    from waitress.server import create_server

    from warmline.config.wsgi import application

    # Take the port first: when it is busy, say so before changing anything.
    try:
        server = create_server(
            application,
            host=host,
            port=port,
            threads=threads,
            **proxy_options(settings.BEHIND_PROXY),
        )
    except OSError as error:
        fail(_cannot_listen(host, port, error))

    from warmline.accounts.models import User
    from warmline.accounts.services import ensure_local_owner, without_password
    from warmline.cli.common import migrate_if_needed

    migrate_if_needed(verbose=True)
    if local:
        first_run = not User.objects.exists()
        owner = ensure_local_owner()
        if first_run and owner and demo:
            from warmline.home.demo import load_demo

            people = load_demo(owner)
            console.print(
                f"First run: loaded a demo network of {people} people to explore. "
                "Remove it from the banner on any page, or with "
                "`warmline demo --remove`."
            )
        who = (
            f"signed in as {owner.username}"
            if owner
            else "sign in required (more than one user)"
        )
    else:
        if not User.objects.exists():
            console.print(
                styled(
                    ("No accounts yet:", "yellow"),
                    " create one with `warmline createuser NAME --password-stdin`.",
                )
            )
        elif not User.objects.filter(is_active=True).exclude(pk__in=without_password()):
            owner = without_password().first()
            name = owner.username if owner else "NAME"
            fail(
                f"Nobody could sign in: beyond this machine everyone signs in with a "
                f"password, and no account has one. Set one first: "
                f"`warmline changepassword {name} --password-stdin`."
            )
        who = "sign in required"

    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    console.print(
        styled("Warmline is running at ", (url, f"bold link {url}"), f" ({who}).")
    )
    console.print(f"Data: {settings.HOME}  ·  Stop with Ctrl+C", style="dim")
    if not no_browser and _can_open_browser():
        _open_browser_soon(url)
    try:
        server.run()
    except KeyboardInterrupt:
        console.print("Stopped.")
