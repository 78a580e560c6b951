"""`warmline tick`, as cron or a systemd timer would run it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.outreach.models import Outreach
from warmline.outreach.services import log_attempt
from warmline.people import services

pytestmark = pytest.mark.django_db


def test_tick_marks_outreach_past_its_routine_for_every_account(
    alice: User, bob: User
) -> None:
    for owner in (alice, bob):
        person = services.create_person(owner, "Sam Okafor")
        log_attempt(
            person, "no_answer", at=dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC)
        )
    with time_machine.travel(dt.datetime(2026, 12, 14, 8, tzinfo=dt.UTC)):
        code, output = cli("tick")
        assert code == 0, output
        assert "2 outreach marked no reply, 0 sittings closed (2 accounts)" in output
        code, output = cli("tick", "--user", "alice")
    assert "0 outreach marked no reply" in output
    assert set(Outreach.objects.values_list("status", flat=True)) == {"no_reply"}
