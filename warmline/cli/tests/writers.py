"""Writers on the web while something else runs: `python -m warmline.cli.tests.writers
THREADS` on a WARMLINE_HOME (or DATABASE_URL) holding one account and a person.

Each thread, as a user of its own, adds a person through the web page (POST
/people/new/, signed in as local mode signs in) and logs a call through the
service the call-session page calls, by turns, pausing between writes as a person
at a keyboard would. It prints "ready" once every thread has written once, runs
until a line arrives on stdin, then prints one line of JSON: how many writes of
each kind succeeded, the errors, and the longest any write took (seconds).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import Any

PAUSE = 1.0  # seconds between one writer's writes: 20 writers, 20 writes a second


def _writer(
    number: int, stop: threading.Event, ready: threading.Barrier, report: dict[str, Any]
) -> None:
    from django.db import connections
    from django.test import Client

    from warmline.outreach.services import log_attempt
    from warmline.people.models import Person

    client = Client()
    person = Person.objects.order_by("pk").first()
    assert person is not None
    count = 0
    first = True
    while first or not stop.is_set():
        for kind in ("adds", "calls"):
            start = time.monotonic()
            try:
                if kind == "adds":
                    name = f"Writer {number} person {count}"
                    # "new": these names are alike, and each is someone else
                    form = {"name": name, "new": "1"}
                    response = client.post("/people/new/", form)
                    if response.status_code != 302:
                        raise RuntimeError(f"HTTP {response.status_code}")
                else:
                    log_attempt(person, "no_answer", channel="phone")
            except Exception as error:  # every failure counts, whatever it is
                with report["lock"]:
                    report["errors"].append(f"{kind}: {error!r}")
            else:
                with report["lock"]:
                    report[kind] += 1
            took = time.monotonic() - start
            with report["lock"]:
                report["worst"] = max(report["worst"], took)
            count += 1
            stop.wait(PAUSE)
        if first:
            first = False
            ready.wait()
    connections.close_all()


def main(threads: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warmline.config.settings")
    os.environ["WARMLINE_LOCAL_MODE"] = "1"  # the only user is signed in
    os.environ["WARMLINE_ALLOWED_HOSTS"] = "testserver"
    from warmline.cli.common import setup_django

    setup_django()
    stop = threading.Event()
    ready = threading.Barrier(threads + 1)
    report: dict[str, Any] = {
        "lock": threading.Lock(),
        "adds": 0,
        "calls": 0,
        "errors": [],
        "worst": 0.0,
    }
    workers = [
        threading.Thread(target=_writer, args=(n, stop, ready, report))
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    ready.wait()
    with report["lock"]:
        report["worst"] = 0.0  # from here on: the first writes warm up
    print("ready", flush=True)
    sys.stdin.readline()
    stop.set()
    for worker in workers:
        worker.join()
    del report["lock"]
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
