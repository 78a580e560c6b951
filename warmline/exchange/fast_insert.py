"""Bulk inserts for large imports, without the ORM's per-value preparation.

`bulk_create` prepares every value of every field through its Field (hundreds of
thousands of calls for a 50,000-row import, most of the time spent). These helpers
send the same multi-row INSERT … RETURNING id that bulk_create sends on SQLite 3.35+
and PostgreSQL, with values the caller has already put in database form.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _statement(model: type[models.Model], fields: Sequence[str]) -> tuple[str, str]:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_field(model, f).column) for f in fields)
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ", quote("id")


def insert_returning_ids(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> list[int]:
    """Insert rows of database-ready values; return their new ids, in order. The
    rows may come from a generator: only one statement's worth is held at once."""
    head, pk = _statement(model, fields)
    # SQLite caps parameters per statement (Django says 999); PostgreSQL's protocol
    # at 65,535, where Django sets no limit.
    limit = connection.features.max_query_params or 65_535
    per_statement = max(1, limit // len(fields))
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    ids: list[int] = []
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(itertools.islice(rows, per_statement)):
            cursor.execute(
                f"{head}{', '.join([one] * len(batch))} RETURNING {pk}",
                [value for row in batch for value in row],
            )
            ids += [row[0] for row in cursor.fetchall()]
    return ids


def insert_many(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert rows of database-ready values (a generator will do) when their ids
    are not needed."""
    head, _ = _statement(model, fields)
    statement = head + "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        # Django and both drivers take any iterable here; the stubs say Sequence.
        cursor.executemany(statement, rows)  # type: ignore[arg-type]


def prepared(model: type[models.Model], field: str, value: Any) -> Any:
    """A value in the form the database driver takes for this field."""
    return _field(model, field).get_db_prep_save(value, connection)
