"""Fixtures for the tests that run `warmline` as a process (processes.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from warmline.cli.tests.processes import POSTGRESQL


@pytest.fixture
def server() -> Iterator[Callable[..., str]]:
    """Databases of their own on the suite's PostgreSQL: `make(name, template)`
    gives the URL of a new one (a copy of `template`); all are dropped after."""
    if not POSTGRESQL:
        pytest.skip("the suite runs on SQLite")
    import psycopg

    made: list[str] = []
    url = os.environ["DATABASE_URL"]

    def make(name: str, template: str = "template0") -> str:
        name = f"warmline_process_{os.getpid()}_{name}"
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        made.append(name)
        return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))

    yield make
    with psycopg.connect(url, autocommit=True) as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
