"""The coach's dashboard, a seeker's Today and their report count the same week."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from warmline.accounts import sharing
from warmline.accounts.models import Role, User
from warmline.coaching import queries, services
from warmline.insights.tests.test_numbers import WEEK_48, local, person
from warmline.outreach.services import log_attempt
from warmline.people.services import create_person

pytestmark = pytest.mark.django_db


def follow(seeker: User, username: str, role: str = Role.COACH) -> User:
    viewer = User.objects.create_user(username, time_zone="Asia/Tokyo")
    sharing.accept(viewer, sharing.invite(seeker, role)[1])
    return viewer


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboard_today_and_the_report_agree(
    alice: User, alice_client: Client, week_of_activity: None
) -> None:
    coach = follow(alice, "coach")
    # Sunday evening in Los Angeles is Monday in Tokyo: the seeker's week counts.
    with time_machine.travel(local(11, 29, 20), tick=False):
        today = alice_client.get("/").context["t"]
        board = signed_in(coach).get(reverse("coaching:dashboard"))
        overview = signed_in(coach).get(reverse("coaching:seeker", args=[alice.pk]))
        report = signed_in(coach).get(
            reverse("coaching:report", args=[alice.pk]) + "?week=2026-W48"
        )
    [row] = board.context["rows"]
    mine = [(g.key, g.done, g.target) for g in today.goals]
    assert [(g.key, g.done, g.target) for g in row.goals] == mine
    assert [(g.key, g.done) for g in overview.context["week"].goals] == [
        (key, done) for key, done, _ in mine
    ]
    assert mine == [
        ("calls_made", WEEK_48.calls_made, 15),
        ("meetings_held", WEEK_48.meetings_held, 3),
        ("names_gathered", WEEK_48.names_gathered, 6),
    ]
    assert {n.key: n.value for n in report.context["numbers"]} == WEEK_48.as_dict()
    assert row.streak_weeks == today.streak_weeks
    # Active this week, but weeks 46 and 47 were far under the goals.
    assert row.attention == ["under half the goals 2 weeks running"]
    assert "badge-warning" in board.content.decode()


def test_the_report_leaves_private_names_out_but_counts_them(
    alice: User, week_of_activity: None
) -> None:
    coach = follow(alice, "coach")
    sharing.set_private(person("Lee Park"), True)
    with time_machine.travel(local(12, 2, 12), tick=False):
        page = signed_in(coach).get(
            reverse("coaching:report", args=[alice.pk]) + "?week=2026-W48"
        )
    r = page.context["r"]
    assert r["names_gathered"] == WEEK_48.names_gathered  # the number stays whole
    assert not any("Lee Park" in line for line in r["names"] + r["learned"])
    assert r["names_more"] == 1
    assert "Lee Park" not in page.content.decode()


def test_needs_attention_and_the_sort(alice: User, bob: User) -> None:
    coach = User.objects.create_user("coach")
    for seeker in (alice, bob):
        sharing.accept(coach, sharing.invite(seeker, Role.COACH)[1])
    dana = create_person(bob, "Dana Reyes", is_main_contact=True)
    with time_machine.travel(local(12, 2, 10), tick=False):
        for _ in range(3):
            log_attempt(dana, "no_answer")
        rows = queries.dashboard(coach)
        by_calls = queries.dashboard(coach, "calls_made")
    # Alice has done nothing at all: quiet, and under half her goals.
    assert [r.seeker for r in rows] == [alice, bob]
    assert len(rows[0].attention) == 2
    assert rows[1].attention == [
        "under half the goals 2 weeks running"  # calls this week, none before
    ]
    assert [r.seeker for r in by_calls] == [bob, alice]


def test_the_dashboard_asks_a_bounded_number_of_queries(
    alice: User, django_assert_max_num_queries: object
) -> None:
    coach = User.objects.create_user("coach")
    client = signed_in(coach)
    for n in range(6):
        seeker = User.objects.create_user(f"seeker{n}")
        sharing.accept(coach, sharing.invite(seeker, Role.COACH)[1])
        dana = create_person(seeker, "Dana Reyes", is_main_contact=True)
        for _ in range(n):
            log_attempt(dana, "replied")
    # A few for the page, then a fixed few per seeker: never per call or person.
    with django_assert_max_num_queries(8 + 6 * 5):  # type: ignore[operator]
        assert client.get(reverse("coaching:dashboard")).status_code == 200


def test_a_group_shows_its_seekers_side_by_side(alice: User, bob: User) -> None:
    coach = follow(alice, "coach")
    sharing.accept(coach, sharing.invite(bob, Role.PARTNER)[1])
    client = signed_in(coach)
    response = client.post(reverse("coaching:group_add"), {"name": "Tuesday team"})
    group = coach.groups_led.get()
    assert response["Location"] == reverse("coaching:group", args=[group.pk])
    client.post(
        reverse("coaching:group_seekers", args=[group.pk]), {"seeker": [alice.pk]}
    )
    page = client.get(reverse("coaching:group", args=[group.pk]))
    assert [r.seeker for r in page.context["rows"]] == [alice]
    # A seeker who does not share with the coach cannot be put in a group.
    stranger = User.objects.create_user("stranger")
    with pytest.raises(Exception, match="do not share"):
        services.set_group_seekers(group, [stranger.pk])
    assert list(group.seekers.all()) == [alice]
    # Another coach's group is a 404.
    other = signed_in(User.objects.create_user("other"))
    assert other.get(reverse("coaching:group", args=[group.pk])).status_code == 404
