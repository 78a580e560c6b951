"""No page's query count grows with the size of the network."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.outcomes import (
    LeadMention,
    OutcomeData,
    PathSuggestion,
    Referral,
    log_outcome,
)
from warmline.meetings.services import create_meeting
from warmline.people.models import Organization
from warmline.people.synthetic import build_network

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [10, 1000])
def test_people_list_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    build_network(alice, size)
    with django_assert_max_num_queries(10):
        response = alice_client.get("/people/?sort=degree")
    assert response.status_code == 200
    assert len(response.context["page"]) == min(size, 50)


@pytest.mark.parametrize("size", [10, 1000])
def test_people_search_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    build_network(alice, size)
    with django_assert_max_num_queries(10):
        response = alice_client.get("/people/?q=example.com&tag=fan&degree=4")
    # "4" means 4 or more: degrees 4 and 5, two in every five people.
    assert response.context["page"].paginator.count == size * 2 // 5


@pytest.mark.parametrize("size", [10, 1000])
def test_person_page_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    people = build_network(alice, size)
    deepest = people[size - 1]  # degree 5, with a chain of five
    for day in range(1, 4):  # meetings, each with an outcome, a name, a path and a lead
        meeting = create_meeting(deepest, timezone.now() - dt.timedelta(days=day))
        log_outcome(
            meeting,
            OutcomeData(
                notes="Good talk",
                referrals=[Referral(f"Name {day}", match="new")],
                paths=[PathSuggestion(f"Path {day}")],
                leads=[LeadMention(f"Role {day}")],
            ),
        )
    # A section each: session, user, person, networker rank, chain, introductions
    # both ways, contact details, tags, meetings (+4 prefetches), follow-ups, paths,
    # leads, message templates (+1 to see they exist, +1 to seed the defaults on a
    # first visit), demo banner.
    with django_assert_max_num_queries(22):
        response = alice_client.get(f"/people/{deepest.pk}/")
    assert len(response.context["chain"]) == 5
    assert len(response.context["meetings"]) == 3


@pytest.mark.parametrize("size", [10, 1000])
def test_organization_pages_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    build_network(alice, size)
    org = Organization.objects.filter(owner=alice).first()
    assert org is not None
    for url in ["/organizations/", org.get_absolute_url()]:
        with django_assert_max_num_queries(8):
            assert alice_client.get(url).status_code == 200
