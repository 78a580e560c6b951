"""The demo network across apps: people first, then their meetings and outcomes."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from warmline.accounts.models import User
from warmline.meetings.demo import load_demo_meetings, remove_demo_meetings
from warmline.outreach.demo import load_demo_outreach, remove_demo_outreach
from warmline.people.demo import (
    has_demo_network,
    load_demo_network,
    remove_demo_network,
)


def has_demo(owner: User) -> bool:
    return has_demo_network(owner)


@transaction.atomic
def load_demo(owner: User, today: dt.date | None = None) -> int:
    """Load the whole demo; refused (ValidationError) when it is already there."""
    count = load_demo_network(owner, today)
    load_demo_meetings(owner, today)
    load_demo_outreach(owner, today)
    return count


@transaction.atomic
def remove_demo(owner: User) -> int:
    remove_demo_outreach(owner)
    remove_demo_meetings(owner)
    return remove_demo_network(owner)
