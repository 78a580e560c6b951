"""Benchmark: importing LinkedIn Connections.csv files of 1,000 / 10,000 / 50,000 rows.

Run with `make bench` or `python bench/imports.py [ROWS ...]`. Each size runs in its own
process (a fresh SQLite database in a temp WARMLINE_HOME), so peak memory is that
import's alone. Prints rows per second for a first import and a re-import, and the
process's peak resident memory.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMPANIES = [
    "Northwind Analytics",
    "Cascade Design Co.",
    "Nike",
    "Intel",
    "Providence Health",
    "Cambia Health",
    "Workday",
    "OHSU",
    "Pearson",
    "Duolingo",
]


def write_connections(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write('Notes:\n"Some email addresses may be missing."\n\n')
        out.write(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        )
        for i in range(rows):
            email = f"person{i}@example.com" if i % 3 else ""
            company = f"{COMPANIES[i % 10]} {i % 400}"
            out.write(
                f"First{i},Last{i},https://www.linkedin.com/in/person{i},{email},"
                f'"{company}, Inc.",Researcher {i % 50},12 Mar 2024\n'
            )


def one(rows: int) -> dict[str, float]:
    os.environ["WARMLINE_HOME"] = tempfile.mkdtemp(prefix="warmline-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "warmline.config.settings"
    import django

    from warmline.config.home import prepare_home

    prepare_home()  # the data directory and its secret key

    django.setup()
    from django.core.management import call_command

    from warmline.accounts.services import create_user
    from warmline.exchange.importers import read
    from warmline.exchange.importing import import_rows

    call_command("migrate", verbosity=0)
    owner = create_user("bench")
    path = Path(os.environ["WARMLINE_HOME"]) / "Connections.csv"
    write_connections(path, rows)
    timings = {}
    for label in ("first", "again"):
        start = time.perf_counter()
        parsed = read("linkedin", path.read_bytes(), path.name)
        result = import_rows(owner, parsed, source="linkedin")
        timings[label] = time.perf_counter() - start
        assert result.total == rows, result
    assert result.unchanged == rows
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "rows": rows,
        "first_s": timings["first"],
        "again_s": timings["again"],
        "peak_mb": peak_mb,
    }


def main(sizes: list[int]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="LinkedIn import, SQLite (one process per size)")
    for column in [
        "rows",
        "first import",
        "rows/s",
        "re-import",
        "rows/s",
        "peak memory",
    ]:
        table.add_column(column, justify="right")
    for rows in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(rows)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        table.add_row(
            f"{rows:,}",
            f"{r['first_s']:.2f} s",
            f"{rows / r['first_s']:,.0f}",
            f"{r['again_s']:.2f} s",
            f"{rows / r['again_s']:,.0f}",
            f"{r['peak_mb']:.0f} MB",
        )
    Console().print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(int(sys.argv[2]))))
    else:
        main([int(s) for s in sys.argv[1:]] or [1_000, 10_000, 50_000])
