from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.meetings.services import create_meeting
from warmline.people import services
from warmline.people.models import Person

MEETING_DAY = dt.date(2026, 11, 20)
HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
]


@pytest.fixture
def sam(alice: User) -> Person:
    return services.create_person(alice, "Sam Okafor", is_main_contact=True)


@pytest.fixture
def meeting(sam: Person) -> Meeting:
    at = timezone.make_aware(dt.datetime.combine(MEETING_DAY, dt.time(10)))
    return create_meeting(sam, at)
