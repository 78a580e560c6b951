"""The schema is the contract: Schemathesis sends generated requests (valid and
not) to every operation in-process, and every answer must be documented, match its
schema, and never be a server error. Bounded so CI stays fast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from warmline.accounts.models import User
from warmline.api.services import create_token
from warmline.config.wsgi import application
from warmline.home.demo import load_demo

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
EXAMPLES = 12

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def connection_kept_between_requests() -> Iterator[None]:
    """Called straight through WSGI, each request's end would close the database
    connection the test's transaction lives in (Django's test client stops that the
    same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(alice: User) -> str:
    load_demo(alice)
    return create_token(alice, "schemathesis", "write")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same examples on every run: CI fails for a reason
)
def test_every_operation_keeps_to_its_schema(
    case: schemathesis.Case, token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}", "Host": "localhost"},
        checks=CHECKS,
    )
