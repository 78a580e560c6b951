"""`warmline tick`: write down what follows from time alone, for cron or a timer."""

from __future__ import annotations

from warmline.cli.common import UserOption, console, err_console, setup_django
from warmline.core.words import counted


def tick(user: UserOption = None) -> None:
    """Give up on outreach past its 3B7 routine, close sittings left open,
    remove import uploads previewed a day ago and never confirmed, and email last
    week's report to those who gave an address for it (once a week, from Monday).

    Safe to run at any time and as often as you like (pages already show both as
    they should); run it daily from cron or a systemd timer so badges and the
    calendar stay current.
    """
    setup_django()
    from warmline.accounts.models import User
    from warmline.cli.common import resolve_user
    from warmline.exchange import uploads
    from warmline.journal.report_mail import send_due_reports
    from warmline.outreach.services import tick as tick_owner

    owners = [resolve_user(user)] if user else list(User.objects.filter(is_active=True))
    given_up = closed = 0
    for owner in owners:
        done = tick_owner(owner)
        given_up += done.outreach_given_up
        closed += done.sittings_closed
    removed = uploads.remove_leftovers()  # previews a day old, never confirmed
    mailed = send_due_reports(User.objects.filter(pk=owners[0].pk) if user else None)
    console.print(
        f"{given_up} outreach marked no reply, {counted(closed, 'sitting')} closed "
        f"({counted(len(owners), 'account')})"
        + (
            f"; {counted(removed, 'import upload')} a day old removed."
            if removed
            else "."
        )
    )
    if mailed.sent:
        console.print(f"Emailed {counted(len(mailed.sent), 'weekly report')}.")
    if mailed.failed:
        err_console.print(
            f"Could not email the weekly report of {', '.join(mailed.failed)}; "
            "the next tick tries again."
        )
