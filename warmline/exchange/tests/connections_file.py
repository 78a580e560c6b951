"""A LinkedIn Connections.csv of any size, as the benchmarks and process tests use."""

from __future__ import annotations

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
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def write_connections(path: Path, rows: int, *, padding: int = 0) -> Path:
    """`rows` connections, two in three with an email, at 4,000 organizations;
    `padding` more characters in each position, to make a file of a given size."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write('Notes:\n"Some email addresses may be missing."\n\n')
        out.write(HEADER)
        pad = "x" * padding
        for i in range(rows):
            email = f"person{i}@example.com" if i % 3 else ""
            company = f"{COMPANIES[i % 10]} {i % 400}"
            out.write(
                f"First{i},Last{i},https://www.linkedin.com/in/person{i},{email},"
                f'"{company}, Inc.",Researcher {i % 50}{pad},12 Mar 2024\n'
            )
    return path


def write_largest(path: Path, rows: int, size: int) -> Path:
    """The largest file of `rows` connections under `size` bytes: shorter rows
    than write_connections', padded to fill it."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        left = size - len(HEADER) - 4096  # a margin: later rows have longer numbers
        for i in range(rows):
            email = f"p{i}@example.com" if i % 3 else ""
            row = (
                f"F{i},L{i},https://www.linkedin.com/in/p{i},{email},"
                f"{COMPANIES[i % 10]} {i % 400},R{i % 50}{{}},12 Mar 2024\n"
            )
            pad = max(0, left // (rows - i) - len(row) + 2)
            row = row.format("x" * pad)
            left -= len(row)
            out.write(row)
    return path
