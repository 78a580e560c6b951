"""Mutated real-format files, for every importer: each is imported or refused with an
ImportFileError, never any other exception; a refusal writes nothing; importing the
same file twice changes nothing the second time.

Bounded (a few dozen examples per importer, no deadline) so the suite stays fast;
every run explores new examples, and a failure prints how to reproduce it. To
search longer: WARMLINE_FUZZ_EXAMPLES=1000 pytest warmline/exchange -k mutated
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmline.accounts.models import User
from warmline.exchange.cleaning import EMAIL, TAG
from warmline.exchange.importers import read
from warmline.exchange.importing import import_rows
from warmline.exchange.json_import import import_everything, read_export
from warmline.exchange.rows import ImportFileError
from warmline.exchange.tests.full_account import build_full_account
from warmline.exchange.tests.test_importers import counts
from warmline.exchange.tests.test_json_export import exported

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent
BOUNDED = settings(
    max_examples=int(os.environ.get("WARMLINE_FUZZ_EXAMPLES", "30")),
    deadline=None,
    database=None,  # nothing written into the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# (importer, sample, column mapping for the generic CSV)
SAMPLES = [
    ("linkedin", HERE / "fixtures" / "linkedin_current.csv", None),
    ("linkedin", HERE / "fixtures" / "linkedin_old.csv", None),
    ("google", HERE / "fixtures" / "google_current.csv", None),
    ("google", HERE / "fixtures" / "google_old.csv", None),
    (
        "csv",
        HERE / "fixtures" / "generic.csv",
        {"name": "Full Name", "email": "Mail", "organization": "Employer"},
    ),
    *[("vcard", path, None) for path in sorted((HERE / "samples").glob("*/*.vcf"))],
]

# What the attack on imports used: syntax of each format, limits, NULs, nesting.
TOKENS = [
    '"',
    ",",
    ";",
    ":",
    "=",
    "\\",
    "\n",
    "\r",
    "\r\n",
    " ",
    "\x00",
    "\ufeff",
    "\ud7ff",
    "BEGIN:VCARD\r\n",
    "END:VCARD\r\n",
    "BEGIN:VCARD\r\n" * 50,
    ";ENCODING=QUOTED-PRINTABLE:=C3=",
    "=\r\n",
    "PHOTO;ENCODING=BASE64:@@@\r\n",
    "item1.EMAIL;type=pref:",
    "javascript:alert(1)",
    "ftp://linkedin.com/in/x",
    "0001-01-01",
    "9999-12-31",
    "31 Dec 1899",
    "a@b.example",
    "x" * (EMAIL - 10) + "@example.com",
    "y" * 300 + "@example.com",
    "+1 (503) 555-0100",
    " ::: ",
    "* myContacts",
]


def mutation() -> st.SearchStrategy[tuple[str, int, Any]]:
    return st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(TOKENS)),
        st.tuples(st.just("insert"), st.integers(0, 10**6), st.text(max_size=12)),
        st.tuples(st.just("bytes"), st.integers(0, 10**6), st.binary(max_size=8)),
        st.tuples(
            st.just("insert"),
            st.integers(0, 10**6),
            st.builds(
                lambda c, n: c * n, st.sampled_from("at,;@ "), st.integers(1, 70_000)
            ),
        ),
        st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
        st.tuples(st.just("repeat"), st.integers(0, 10**6), st.integers(1, 200)),
        st.tuples(st.just("cut"), st.integers(0, 10**6), st.none()),
    )


def mutate(data: bytes, steps: list[tuple[str, int, Any]]) -> bytes:
    for kind, at, arg in steps:
        at = at % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + arg.encode("utf-8", "surrogatepass") + data[at:]
        elif kind == "bytes":
            data = data[:at] + arg + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + arg :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + arg] * 3 + data[at:]
        else:
            data = data[:at]
    return data


def imports_or_refuses_and_twice_is_once(
    owner: User, kind: str, data: bytes, mapping: dict[str, str] | None
) -> None:
    with transaction.atomic():  # each example starts from the same database
        before = counts()
        try:
            rows = read(kind, data, "mutant", mapping)
        except ImportFileError as error:
            message = str(error)
            assert message.startswith("mutant") and message.endswith(".")
            assert not message.endswith(".."), message
            assert counts() == before
        else:
            tag = "T" * (TAG + 1)  # cut as it is created, and found as it is cut
            import_rows(owner, rows, source=kind, tag=tag)
            once = counts()
            rows = read(kind, data, "mutant", mapping)
            again = import_rows(owner, rows, source=kind, tag=tag.lower())
            assert (again.created, again.updated) == (0, 0), again
            assert counts() == once
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("kind", "path", "mapping"), SAMPLES, ids=[p.name for _, p, _ in SAMPLES]
)
def test_mutated_files_import_or_are_refused_whole(
    alice: User, kind: str, path: Path, mapping: dict[str, str] | None
) -> None:
    sample = path.read_bytes()

    @BOUNDED
    @given(steps=st.lists(mutation(), min_size=1, max_size=4), utf16=st.booleans())
    def check(steps: list[tuple[str, int, Any]], utf16: bool) -> None:
        data = mutate(sample, steps)
        if utf16:
            data = data.decode("utf-8", "replace").encode("utf-16")
        imports_or_refuses_and_twice_is_once(alice, kind, data, mapping)

    check()


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(TOKENS),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _replace_somewhere(data: Any, path: list[int], value: Any) -> None:
    """Put `value` at a place in the export picked by `path` (indices, wrapped)."""
    node = data
    for step in path:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return
        key = keys[step % len(keys)]
        if not isinstance(node[key], dict | list) or step == path[-1]:
            node[key] = value
            return
        node = node[key]


def test_mutated_json_exports_import_or_are_refused_whole(
    alice: User, bob: User
) -> None:
    build_full_account(alice)
    text = json.dumps(exported(alice))

    @BOUNDED
    @given(
        path=st.lists(st.integers(0, 1000), min_size=1, max_size=4),
        value=JSON_VALUES,
        steps=st.lists(mutation(), max_size=2),
    )
    def check(path: list[int], value: Any, steps: list[tuple[str, int, Any]]) -> None:
        data = json.loads(text)
        _replace_somewhere(data, path, value)
        raw = mutate(json.dumps(data).encode(), steps)
        with transaction.atomic():
            before = counts()
            try:
                import_everything(bob, read_export(raw, "mutant.json"), "mutant.json")
            except ImportFileError as error:
                assert str(error).startswith("mutant.json")
                assert not str(error).endswith(".."), str(error)
                assert counts() == before
            else:
                once = counts()
                with pytest.raises(ImportFileError, match="already has data"):
                    import_everything(bob, read_export(raw, "m.json"), "m.json")
                assert counts() == once
            transaction.set_rollback(True)

    check()
