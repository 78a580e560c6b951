"""Benchmark: importing LinkedIn Connections.csv files of 1,000 / 10,000 / 50,000 rows,
and the largest file the limits allow.

Run with `make bench` or `python bench/imports.py [ROWS ...]`. Each figure comes from
a fresh SQLite database in a temp WARMLINE_HOME:

- in its own process, rows per second for a first import and a re-import through
  `importers.read` and `import_rows`, and the process's peak resident memory;
- `warmline import linkedin FILE` as a whole command (start-up, reading, planning,
  writing), timed from outside, with its peak memory;
- the same command on the largest file allowed (IMPORT_MAX_ROWS rows filling
  IMPORT_MAX_BYTES): its peak memory must stay under 400 MB.
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

from warmline.exchange.tests.connections_file import write_connections, write_largest

WARMLINE = Path(sys.executable).with_name("warmline")
LARGEST_ROWS, LARGEST_BYTES = 200_000, 20 * 2**20  # the settings' defaults
MEMORY_BUDGET_MB = 400


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
    path = write_connections(Path(os.environ["WARMLINE_HOME"]) / "c.csv", rows)
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


def command(file: Path) -> tuple[float, float]:
    """`warmline import linkedin FILE` on a new home: seconds, peak MB."""
    home = tempfile.mkdtemp(prefix="warmline-bench-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["WARMLINE_HOME"] = home
    # The database made and migrated first: the import alone is timed.
    subprocess.run(
        [str(WARMLINE), "people", "list"], env=env, check=True, capture_output=True
    )
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(WARMLINE), "import", "linkedin", str(file)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    assert status == 0, status
    return took, usage.ru_maxrss / 1024


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
        "`warmline import`",
        "rows/s",
        "peak memory",
    ]:
        table.add_column(column, justify="right")
    folder = Path(tempfile.mkdtemp(prefix="warmline-bench-"))
    for rows in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(rows)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        took, peak = command(write_connections(folder / f"{rows}.csv", rows))
        table.add_row(
            f"{rows:,}",
            f"{r['first_s']:.2f} s",
            f"{rows / r['first_s']:,.0f}",
            f"{r['again_s']:.2f} s",
            f"{rows / r['again_s']:,.0f}",
            f"{r['peak_mb']:.0f} MB",
            f"{took:.2f} s",
            f"{rows / took:,.0f}",
            f"{peak:.0f} MB",
        )
    Console().print(table)
    # Rows count the header line too.
    largest = write_largest(folder / "largest.csv", LARGEST_ROWS - 1, LARGEST_BYTES)
    took, peak = command(largest)
    size = largest.stat().st_size / 2**20
    print(
        f"Largest allowed file ({LARGEST_ROWS:,} rows, {size:.1f} MB): "
        f"`warmline import` {took:.2f} s, peak memory {peak:.0f} MB "
        f"(budget {MEMORY_BUDGET_MB} MB)."
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(int(sys.argv[2]))))
    else:
        main([int(s) for s in sys.argv[1:]] or [1_000, 10_000, 50_000])
