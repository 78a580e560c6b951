"""The weekly report by email: on demand, and from `warmline tick` once a week."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import Client

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli
from warmline.journal.models import ReportSent
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import OutcomeData, log_outcome

pytestmark = pytest.mark.django_db


def test_report_email_sends_text_and_html(alice: User, meeting: Meeting) -> None:
    log_outcome(meeting, OutcomeData(notes="Good talk"))
    code, output = cli("report", "--week", "2026-W47", "--email", "me@example.org")
    assert code == 0, output
    assert "Sent the report for week 2026-W47 to me@example.org" in output
    (message,) = mail.outbox
    assert message.to == ["me@example.org"]
    assert message.subject == "Networking report, week 2026-W47"
    assert "- Meetings held: 1" in message.body
    html, kind = message.alternatives[0]  # type: ignore[attr-defined]
    assert kind == "text/html" and "Meetings held" in str(html)


def test_a_bad_address_is_one_line_and_sends_nothing(alice: User) -> None:
    code, output = cli("report", "--email", "not-an-address")
    assert code == 1
    assert output.strip() == "Error: 'not-an-address' is not an email address."
    assert mail.outbox == []


def set_report_email(user: User, address: str, zone: str = "") -> None:
    User.objects.filter(pk=user.pk).update(report_email=address, time_zone=zone)


def test_tick_sends_last_weeks_report_once_a_week(alice: User, bob: User) -> None:
    set_report_email(alice, "alice@example.org", "Pacific/Auckland")
    set_report_email(bob, "bob@example.org", "America/Los_Angeles")
    # Sunday 29 Nov, 12:00 UTC: Monday already in Auckland, still Sunday in LA.
    with time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)):
        code, output = cli("tick")
        assert code == 0, output
        assert [m.to for m in mail.outbox] == [["alice@example.org"]]
        assert mail.outbox[0].subject == "Networking report, week 2026-W48"
        assert "Emailed 1 weekly report" in output
    with time_machine.travel(dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)):
        cli("tick")  # Monday in LA now; Auckland already had its report
        cli("tick")  # ticking hourly sends nothing more
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)):
        cli("tick")  # Tuesday: nothing
    assert [m.to for m in mail.outbox] == [["alice@example.org"], ["bob@example.org"]]
    assert mail.outbox[1].subject == "Networking report, week 2026-W48"
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC)):
        cli("tick")  # the next Monday: the next week's
    assert [m.subject[-8:] for m in mail.outbox[2:]] == ["2026-W49", "2026-W49"]
    assert dict(ReportSent.objects.values_list("owner__username", "week")) == {
        "alice": dt.date(2026, 11, 30),
        "bob": dt.date(2026, 11, 30),
    }


def test_no_address_no_email(alice: User) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)):
        cli("tick")  # a Monday
    assert mail.outbox == [] and not ReportSent.objects.exists()


def test_the_profile_sets_the_address_and_the_feed(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(
        "/profile/",
        {"report_email": "me@example.org", "feed_has_reports": "on", "time_zone": ""},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.report_email == "me@example.org" and alice.feed_has_reports
    response = alice_client.post("/profile/", {"report_email": "nope", "time_zone": ""})
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.report_email == "me@example.org"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[Inbox]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


def test_the_report_goes_through_a_real_smtp_server(
    alice: User, smtp_server: Inbox
) -> None:
    code, output = cli("report", "--week", "2026-W47", "--email", "me@example.org")
    assert code == 0, output
    (envelope,) = smtp_server.messages
    assert envelope.rcpt_tos == ["me@example.org"]
    message = message_from_bytes(envelope.content)
    assert message["Subject"] == "Networking report, week 2026-W47"
    kinds = [part.get_content_type() for part in message.walk()]
    assert "text/plain" in kinds and "text/html" in kinds


def test_an_smtp_server_that_is_down_is_one_line(alice: User, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = False
    code, output = cli("report", "--email", "me@example.org")
    assert code == 1
    assert output.startswith("Error: Could not send the report to me@example.org")


def test_tick_for_one_user_mails_only_theirs(alice: User, bob: User) -> None:
    set_report_email(alice, "alice@example.org")
    set_report_email(bob, "bob@example.org")
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)):
        cli("tick", "--user", "bob")
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]


def test_without_an_smtp_server_the_report_is_printed_and_says_so(
    alice: User, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    code, output = cli("report", "--week", "2026-W47", "--email", "me@example.org")
    assert code == 0, output
    assert "Subject: Networking report, week 2026-W47" in output
    assert "is printed above, not sent" in " ".join(output.split())
