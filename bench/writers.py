"""Benchmark: 20 writers on the web while `warmline import linkedin` brings in
50,000 rows (SQLite in a temp WARMLINE_HOME, or `BENCH_DATABASE_URL`).

Run with `make bench` or `python bench/writers.py [ROWS] [WRITERS]`. The writers are
`warmline.cli.tests.writers` (each adds a person through the web page and logs a
call, pausing a second between writes); this prints their longest wait, their
errors, and (on SQLite) whether every write is there after.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warmline.exchange.tests.connections_file import write_connections

WARMLINE = Path(sys.executable).with_name("warmline")


def main(rows: int, writers: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="warmline-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["WARMLINE_HOME"] = str(home)
    if url := os.environ.get("BENCH_DATABASE_URL"):
        env["DATABASE_URL"] = url
    file = write_connections(home / "Connections.csv", rows)
    seed = [str(WARMLINE), "people", "add", "Seed Person", "--main"]
    subprocess.run(seed, env=env, check=True, capture_output=True)
    racing = subprocess.Popen(
        [sys.executable, "-m", "warmline.cli.tests.writers", str(writers)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert racing.stdout is not None and racing.stdout.readline() == "ready\n"
    start = time.perf_counter()
    subprocess.run(
        [str(WARMLINE), "import", "linkedin", str(file)],
        env=env,
        check=True,
        capture_output=True,
    )
    took = time.perf_counter() - start
    out, _ = racing.communicate("stop\n", timeout=120)
    seen = json.loads(out.splitlines()[-1])
    print(
        f"`warmline import` of {rows:,} rows: {took:.2f} s, while {writers} writers "
        f"made {seen['adds']} people and {seen['calls']} calls: "
        f"{len(seen['errors'])} errors, longest wait {seen['worst']:.2f} s."
    )
    if seen["errors"]:
        print("\n".join(seen["errors"][:5]))
    if not url:  # nothing lost: the seed, the file, every person the writers added
        with sqlite3.connect(home / "warmline.sqlite3") as db:
            (people,) = db.execute("SELECT count(*) FROM people_person").fetchone()
        print(f"People after: {people:,} (expected {1 + rows + seen['adds']:,}).")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [50_000, 20][len(args) :]))
