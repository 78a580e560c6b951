"""Benchmark: server time of the API's people list (a page of 50, with search) and
one person, at 50,000 people (target: under 50 ms each).

Run with `make bench` (or `python bench/api.py 1000 50000`). Builds a synthetic
network in a throwaway SQLite database; prints the median of several runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial

from timing import median_ms

RUNS = 7
TARGET_MS = 50


def measure(size: int, index: int) -> list[str]:
    from django.test import Client

    from warmline.accounts.services import create_user
    from warmline.api.services import create_token
    from warmline.people.synthetic import build_network

    owner = create_user(f"bench{index}", password="bench-password-not-used")
    headers = {"Authorization": f"Bearer {create_token(owner, 'bench', 'read')}"}
    client = Client(HTTP_HOST="127.0.0.1")
    deepest = build_network(owner, size)[-1]

    def get(url: str) -> None:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.content

    first = client.get("/api/v1/people?limit=50", headers=headers).json()
    after = first["next_cursor"]
    urls = [
        "/api/v1/people?limit=50",
        "/api/v1/people?limit=50&search=person",
        f"/api/v1/people?limit=50&cursor={after}",
        f"/api/v1/people/{deepest.pk}",
    ]
    return [f"{size:,}", *(f"{median_ms(partial(get, u), RUNS):.1f}" for u in urls)]


def main(sizes: list[int]) -> None:
    os.environ["WARMLINE_HOME"] = tempfile.mkdtemp(prefix="warmline-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "warmline.config.settings"
    os.environ["WARMLINE_API_RATE"] = "1000000"
    import django

    from warmline.config.home import prepare_home

    prepare_home()
    django.setup()
    from django.core.management import call_command
    from rich.console import Console
    from rich.table import Table

    call_command("migrate", verbosity=0)
    table = Table(
        title=f"Warmline API, SQLite, median of {RUNS} (ms; target < {TARGET_MS})"
    )
    for column in [
        "people",
        "GET /people (50)",
        "GET /people?search=",
        "next page (cursor)",
        "GET /people/{id}",
    ]:
        table.add_column(column, justify="right")
    for index, size in enumerate(sizes):
        table.add_row(*measure(size, index))
    Console().print(table)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [1_000, 50_000])
