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


@pytest.fixture
def dana(alice: User) -> Person:
    return services.create_person(alice, "Dana Reyes", is_main_contact=True)


@pytest.fixture
def sam(alice: User, dana: Person) -> Person:
    return services.create_person(
        alice, "Sam Okafor", introduced_by=dana, organization="Northwind"
    )


@pytest.fixture
def meeting(sam: Person) -> Meeting:
    at = timezone.make_aware(dt.datetime.combine(MEETING_DAY, dt.time(10)))
    return create_meeting(sam, at)
