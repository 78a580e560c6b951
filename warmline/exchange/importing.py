"""Bringing imported rows into a network: no duplicates, nothing the user typed lost.

Two phases, so writers never wait long for an import (and a preview never for
anything): `import_plan` matches the rows and works out everything to write by
reading alone, outside any transaction; `import_write` writes it in one short
transaction, so a failure still writes nothing. Inside that transaction the
network's fingerprint is checked again: if the owner changed it meanwhile (a person
added or edited, an email removed), the plan is made again there, where nothing
can change under it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from warmline.accounts.models import User
from warmline.exchange import cleaning
from warmline.exchange.import_plan import (
    ImportResult,
    Options,
    fingerprint,
    make_plan,
)
from warmline.exchange.import_write import write
from warmline.exchange.rows import ImportRow
from warmline.people.models import Person

__all__ = ["ImportResult", "import_rows"]


def import_rows(
    owner: User,
    rows: list[ImportRow],
    *,
    source: str,
    main: bool = False,
    tag: str = "",
    introduced_by: Person | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import rows for `owner`; dry_run reports what would happen and writes nothing
    (nor takes a write lock)."""
    options = Options(
        source=source,
        main=main,
        tag=cleaning.tag(tag),
        introducer=introduced_by.pk if introduced_by else None,
    )
    plan = make_plan(owner.pk, rows, options, progress)
    if dry_run:
        return plan.result
    with transaction.atomic():
        if fingerprint(owner.pk) != plan.fingerprint:
            plan = make_plan(owner.pk, rows, options)
        write(plan)
    if progress:
        progress(len(rows))
    return plan.result
