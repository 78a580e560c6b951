"""Benchmark: server time of the people pages and a degree recompute, by network size.

Run with `make bench` (or `python bench/people_pages.py 1000 10000`). Builds synthetic
networks in a throwaway SQLite database and prints the median of several runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from timing import median_ms

RUNS = 5


def measure(size: int, index: int) -> list[str]:
    from django.test import Client

    from warmline.accounts.services import create_user
    from warmline.people import services
    from warmline.people.degrees import recompute_degrees
    from warmline.people.synthetic import build_network

    owner = create_user(f"bench{index}")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)
    start = time.perf_counter()
    deepest = build_network(owner, size)[-1]
    build_ms = (time.perf_counter() - start) * 1000

    def add_referral() -> None:
        services.create_person(owner, "New Name", introduced_by=deepest)

    return [
        f"{size:,}",
        f"{build_ms:,.0f}",
        f"{median_ms(lambda: recompute_degrees(owner.pk), RUNS):.1f}",
        f"{median_ms(add_referral, RUNS):.1f}",
        f"{median_ms(lambda: client.get('/people/?sort=degree'), RUNS):.1f}",
        f"{median_ms(lambda: client.get('/people/?q=Person 00004'), RUNS):.1f}",
        f"{median_ms(lambda: client.get(f'/people/{deepest.pk}/'), RUNS):.1f}",
        f"{median_ms(lambda: client.get('/'), RUNS):.1f}",
    ]


def main(sizes: list[int]) -> None:
    os.environ["WARMLINE_HOME"] = tempfile.mkdtemp(prefix="warmline-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "warmline.config.settings"
    import django

    from warmline.config.home import prepare_home

    prepare_home()  # the data directory and its secret key

    django.setup()
    from django.core.management import call_command
    from rich.console import Console
    from rich.table import Table

    call_command("migrate", verbosity=0)
    table = Table(title=f"Warmline people pages, SQLite, median of {RUNS} (ms)")
    for column in [
        "people",
        "build",
        "recompute degrees",
        "add a referral",
        "/people/",
        "/people/?q=",
        "person page",
        "Today",
    ]:
        table.add_column(column, justify="right")
    for index, size in enumerate(sizes):
        table.add_row(*measure(size, index))
    Console().print(table)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [1_000, 10_000, 50_000])
