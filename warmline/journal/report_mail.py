"""Emailing the weekly report: to an address on demand (`warmline report --email`),
and each week to those who asked for it (`warmline tick` on Monday in their
zone, once a week however often it runs on that day: ReportSent keeps the last
week sent)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from warmline.accounts.models import User
from warmline.insights.report import as_markdown, week_name, weekly_report
from warmline.journal.models import ReportSent

log = logging.getLogger(__name__)


def report_message(owner: User, monday: dt.date, to: str) -> EmailMultiAlternatives:
    """The week's report as an email: the Markdown text, and the HTML page."""
    validate_email(to)
    with timezone.override(owner.zone):
        # It may go to anyone: private people and meetings stay out of the lists.
        data = weekly_report(owner, monday, for_viewer=True)
        html = render_to_string("insights/report_standalone.html", {"r": data})
    link = f"{settings.BASE_URL}{reverse('insights:report')}?week={week_name(monday)}"
    message = EmailMultiAlternatives(
        subject=f"Networking report, week {data['week']}",
        body=f"{as_markdown(data)}\nIn Warmline: {link}\n",
        to=[to],
    )
    message.attach_alternative(html, "text/html")
    return message


def send_report(owner: User, monday: dt.date, to: str) -> None:
    """Email one week's report now (raises on a bad address or a mail error)."""
    report_message(owner, monday, to).send()


def week_due(owner: User, now: dt.datetime) -> dt.date | None:
    """On a Monday in the owner's zone, the Monday of the week that just ended;
    other days, none (a report set up on a Thursday starts the next Monday)."""
    today = timezone.localdate(now, owner.zone)
    if today.weekday() != 0:
        return None
    return today - dt.timedelta(weeks=1)


@dataclass
class WeeklySends:
    sent: list[str] = field(default_factory=list)  # usernames
    failed: list[str] = field(default_factory=list)


def send_due_reports(
    owners: QuerySet[User] | None = None, now: dt.datetime | None = None
) -> WeeklySends:
    """Send last week's report to every account (of `owners`) with an address for
    it that has not had that week's yet; a failure is logged and tried again at the
    next tick that day."""
    now = now or timezone.now()
    done = WeeklySends()
    if owners is None:
        owners = User.objects.all()
    owners = owners.filter(is_active=True).exclude(report_email="")
    last = dict(ReportSent.objects.values_list("owner_id", "week"))
    for owner in owners:
        week = week_due(owner, now)
        if week is None or ((sent := last.get(owner.pk)) and sent >= week):
            continue
        try:
            send_report(owner, week, owner.report_email)
        except Exception:  # one bad mailbox must not stop the others
            log.exception("Could not email %s's weekly report", owner.username)
            done.failed.append(owner.username)
            continue
        _note_sent(owner, week, now)
        done.sent.append(owner.username)
    return done


@transaction.atomic
def _note_sent(owner: User, week: dt.date, now: dt.datetime) -> None:
    ReportSent.objects.update_or_create(
        owner=owner, defaults={"week": week, "sent_at": now}
    )


def prints_instead_of_sending() -> bool:
    """No SMTP server is set: Django's console backend prints each message."""
    return settings.EMAIL_BACKEND.endswith("console.EmailBackend")
