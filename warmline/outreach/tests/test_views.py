"""Call lists, sessions, follow-ups, Today, the feed and templates, by test client."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.meetings.models import Meeting
from warmline.meetings.services import create_meeting
from warmline.outreach.message_text import DEFAULT_TEMPLATES, render, values_for
from warmline.outreach.models import (
    Attempt,
    CallList,
    CallListEntry,
    FollowUp,
    MessageTemplate,
)
from warmline.outreach.services import add_follow_up, add_to_list, log_attempt
from warmline.people import services
from warmline.people.models import Person, Tag
from warmline.people.synthetic import build_network

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)  # a Friday morning


@pytest.fixture
def people(alice: User) -> dict[str, Person]:
    # Introduced on NOW's day, so the tests that travel there count them that week.
    with time_machine.travel(NOW, tick=False):
        return _people(alice)


def _people(alice: User) -> dict[str, Person]:
    dana = services.create_person(
        alice, "Dana Reyes", is_main_contact=True, phones=["503 555 0101"]
    )
    sam = services.create_person(
        alice,
        "Sam Okafor",
        introduced_by=dana,
        organization="Northwind",
        emails=["sam@nw.example"],
    )
    nina = services.create_person(alice, "Nina Kowalski", introduced_by=sam)
    return {"dana": dana, "sam": sam, "nina": nina}


@pytest.fixture
def call_list(alice: User, people: dict[str, Person]) -> CallList:
    call_list = CallList.objects.create(owner=alice, name="This week")
    add_to_list(call_list, [people["dana"], people["sam"], people["nina"]])
    return call_list


def start(client: Client, call_list: CallList) -> str:
    response = client.post(reverse("outreach:session_start", args=[call_list.pk]))
    assert response.status_code == 302
    return response["Location"]


def test_owner_outsider_and_anonymous_on_every_page(
    alice_client: Client,
    bob_client: Client,
    call_list: CallList,
    people: dict[str, Person],
) -> None:
    session_url = start(alice_client, call_list)
    alice_client.get("/templates/")  # seeds the default templates
    follow_up = FollowUp.objects.create(
        owner=call_list.owner, person=people["sam"], title="Thank Sam", due=NOW.date()
    )
    template = MessageTemplate.objects.filter(owner=call_list.owner).first()
    assert template is not None
    entry = call_list.entries.first()
    assert entry is not None
    owned = [
        call_list.get_absolute_url(),
        session_url,
        reverse("outreach:template_edit", args=[template.pk]),
    ]
    for url in ["/", "/calls/", "/followups/", "/calendar/", "/templates/", *owned]:
        assert alice_client.get(url).status_code == 200, url
        assert Client().get(url).status_code == 302, url
    for url in owned:
        assert bob_client.get(url).status_code == 404, url
    posts = [
        reverse("outreach:list_add", args=[call_list.pk]),
        reverse("outreach:list_delete", args=[call_list.pk]),
        reverse("outreach:session_start", args=[call_list.pk]),
        *(
            reverse(f"outreach:entry_{verb}", args=[entry.pk])
            for verb in ("up", "down", "call_again", "remove")
        ),
        *(
            reverse(f"outreach:follow_up_{verb}", args=[follow_up.pk])
            for verb in ("done", "snooze", "reopen")
        ),
        session_url + "log/",
        session_url + "book/",
        session_url + "next/",
        session_url + "end/",
    ]
    for url in posts:
        assert (
            bob_client.post(
                url, {"outcome": "replied", "day": "2026-12-01"}
            ).status_code
            == 404
        ), url
    assert CallList.objects.filter(pk=call_list.pk).exists()
    follow_up.refresh_from_db()
    assert follow_up.status == "open"
    assertNotContains(bob_client.get("/calls/"), "This week")


def test_build_a_list_by_hand_and_by_filter(
    alice_client: Client, alice: User, people: dict[str, Person]
) -> None:
    alice_client.post("/calls/", {"name": "Referrals", "purpose": "Ask for advice"})
    call_list = CallList.objects.get(owner=alice)
    alice_client.post(
        reverse("outreach:list_add", args=[call_list.pk]), {"person": people["dana"].pk}
    )
    alice_client.post(
        reverse("outreach:list_add_filtered", args=[call_list.pk]),
        {"preset": "referrals"},
    )
    names = [e.person.name for e in call_list.entries.all()]
    assert names == ["Dana Reyes", "Nina Kowalski", "Sam Okafor"]
    log_attempt(people["sam"], "replied")
    other = CallList.objects.create(owner=alice, name="Not reached")
    alice_client.post(
        reverse("outreach:list_add_filtered", args=[other.pk]), {"preset": "referrals"}
    )
    assert [e.person.name for e in other.entries.all()] == ["Nina Kowalski"]
    degree = CallList.objects.create(owner=alice, name="Degree 2")
    alice_client.post(
        reverse("outreach:list_add_filtered", args=[degree.pk]), {"degree": "2"}
    )
    assert [e.person.name for e in degree.entries.all()] == ["Sam Okafor"]


def test_reorder_remove_and_done_people_drop_to_the_bottom(
    alice_client: Client, call_list: CallList, people: dict[str, Person]
) -> None:
    nina = CallListEntry.objects.get(call_list=call_list, person=people["nina"])
    alice_client.post(reverse("outreach:entry_up", args=[nina.pk]))
    page = alice_client.get(call_list.get_absolute_url())
    assert [e.person.name for e in page.context["entries"]] == [
        "Dana Reyes",
        "Nina Kowalski",
        "Sam Okafor",
    ]
    CallListEntry.objects.filter(call_list=call_list, person=people["dana"]).update(
        done_at=timezone.now()
    )
    page = alice_client.get(call_list.get_absolute_url())
    assert [e.person.name for e in page.context["entries"]][-1] == "Dana Reyes"
    alice_client.post(reverse("outreach:entry_remove", args=[nina.pk]))
    assert call_list.entries.count() == 2


def test_boosters_come_first(
    alice_client: Client, call_list: CallList, people: dict[str, Person]
) -> None:
    Person.objects.filter(pk=people["nina"].pk).update(responsiveness="booster")
    Person.objects.filter(pk=people["dana"].pk).update(responsiveness="curmudgeon")
    page = alice_client.get(call_list.get_absolute_url())
    assert [e.person.name for e in page.context["entries"]] == [
        "Nina Kowalski",
        "Sam Okafor",
        "Dana Reyes",
    ]


def test_a_session_from_start_to_summary(
    alice_client: Client, call_list: CallList, people: dict[str, Person]
) -> None:
    url = start(alice_client, call_list)
    call_back_on = timezone.localdate() + dt.timedelta(days=4)  # ahead, whenever run
    first = alice_client.get(url)
    assert first.context["person"] == people["dana"]
    assertContains(first, "1 of 3")
    assertContains(first, "tel:+15035550101")
    alice_client.post(
        url + "log/",
        {"i": 0, "outcome": "voicemail", "channel": "phone", "notes": "Left a message"},
    )
    second = alice_client.get(url + "?i=1")
    assert second.context["person"] == people["sam"]
    assertContains(second, "Dana Reyes suggested I get in touch")  # names Dana
    booked = alice_client.post(
        url + "book/",
        {
            "i": 1,
            "at": f"{call_back_on + dt.timedelta(days=2)}T10:00",
            "mode": "video",
            "kind": "network",
            "channel": "email",
            "notes": "",
        },
    )
    assert booked["Location"].endswith("?i=2")
    meeting = Meeting.objects.get(person=people["sam"])
    assert Attempt.objects.get(person=people["sam"]).meeting == meeting
    alice_client.post(
        url + "log/",
        {
            "i": 2,
            "outcome": "call_back",
            "channel": "phone",
            "call_back_on": str(call_back_on),
        },
    )
    end = alice_client.get(url + "?i=3")
    assert end.context["summary"] == {"made": 3, "reached": 2, "booked": 1, "rate": 67}
    alice_client.post(url + "next/", {"day": str(call_back_on)})
    call_list.refresh_from_db()
    assert call_list.next_sitting_on == call_back_on
    assert all(e.done_at for e in call_list.entries.all())
    assert FollowUp.objects.filter(kind="call_back", due=call_back_on).exists()


def test_a_session_skips_and_goes_back(
    alice_client: Client, call_list: CallList, people: dict[str, Person]
) -> None:
    url = start(alice_client, call_list)
    assert alice_client.get(url + "?i=1").context["person"] == people["sam"]
    assert alice_client.get(url + "?i=0").context["person"] == people["dana"]
    assert not Attempt.objects.exists()


def test_snoozing_never_brings_a_follow_up_earlier_and_refuses_what_it_cannot(
    alice_client: Client, people: dict[str, Person]
) -> None:
    with time_machine.travel(NOW, tick=False):
        later = add_follow_up(
            people["sam"], FollowUp.Kind.OTHER, "Send the deck", dt.date(2026, 11, 30)
        )

        def post(verb: str, **data: str) -> str:
            url = reverse(f"outreach:follow_up_{verb}", args=[later.pk])
            page = alice_client.post(url, data, follow=True)
            return " ".join(str(m) for m in page.context["messages"])

        assert post("snooze", days="1") == "Snoozed until Tue 1 Dec."
        for bad in ("-5", "abc", "0", "366", "²", "99999999999999999999"):
            assert post("snooze", days=bad) == "Snooze for 1 to 365 days.", bad
        later.refresh_from_db()
        assert later.due == dt.date(2026, 12, 1)
        assert "is not done: nothing to reopen" in post("reopen")
        post("done")
        assert "is not open: nothing to snooze" in post("snooze", days="2")
        later.refresh_from_db()
        assert (later.status, later.due) == ("done", dt.date(2026, 12, 1))


def test_follow_ups_done_snooze_and_reopen(
    alice_client: Client, people: dict[str, Person]
) -> None:
    with time_machine.travel(NOW, tick=False):
        follow_up = FollowUp.objects.create(
            owner=people["sam"].owner,
            person=people["sam"],
            title="Thank Sam",
            due=NOW.date(),
        )

        def url(verb: str) -> str:
            return reverse(f"outreach:follow_up_{verb}", args=[follow_up.pk])

        assertContains(alice_client.get("/followups/"), "Thank Sam")
        alice_client.post(url("snooze"), {"days": "1"})
        follow_up.refresh_from_db()
        assert (follow_up.status, follow_up.due) == ("snoozed", dt.date(2026, 11, 28))
        assertNotContains(alice_client.get("/followups/"), "Thank Sam")
        alice_client.post(url("done"))
        follow_up.refresh_from_db()
        assert follow_up.status == "done"
        assertContains(alice_client.get("/followups/?show=done"), "Thank Sam")
        alice_client.post(url("reopen"))
        follow_up.refresh_from_db()
        assert follow_up.status == "open"


def test_today_at_a_fixed_date(
    alice_client: Client, alice: User, people: dict[str, Person], call_list: CallList
) -> None:
    with time_machine.travel(NOW, tick=False):
        sam = people["sam"]
        FollowUp.objects.create(
            owner=alice,
            person=sam,
            title="Overdue thank-you",
            due=dt.date(2026, 11, 25),
        )
        FollowUp.objects.create(
            owner=alice, person=sam, title="Due today", due=dt.date(2026, 11, 27)
        )
        FollowUp.objects.create(
            owner=alice, person=sam, title="Next week", due=dt.date(2026, 12, 2)
        )
        create_meeting(sam, NOW + dt.timedelta(hours=5))
        create_meeting(people["nina"], NOW + dt.timedelta(days=3))
        log_attempt(people["dana"], "replied", at=NOW - dt.timedelta(days=1))
        Person.objects.filter(pk=people["nina"].pk).update(keep_in_touch_days=14)
        t = alice_client.get("/").context["t"]
    assert [f.title for f in t.follow_ups] == ["Overdue thank-you", "Due today"]
    assert [m.person.name for m in t.meetings_today] == ["Sam Okafor"]
    assert [m.person.name for m in t.meetings_week] == ["Nina Kowalski"]
    assert [lst.name for lst in t.call_lists] == ["This week"]
    assert [(g.label, g.done) for g in t.goals] == [
        ("Calls made", 1),
        ("Meetings held", 0),
        ("Names gathered", 2),
    ]
    assert t.losing_touch == []  # Nina was added just now


def test_losing_touch_counts_from_the_last_interaction(
    alice: User, people: dict[str, Person]
) -> None:
    from warmline.outreach.queries import losing_touch
    from warmline.people import derived

    dana = people["dana"]  # a fan: she introduced Sam
    long_ago = NOW - dt.timedelta(days=45)
    Person.objects.filter(owner=alice).update(created_at=long_ago)
    derived.network_changed(alice.pk)  # they joined then, too
    log_attempt(people["sam"], "replied", at=NOW - dt.timedelta(days=40))
    assert [p.name for p in losing_touch(alice, NOW)] == ["Dana Reyes", "Sam Okafor"]
    log_attempt(dana, "replied", at=NOW - dt.timedelta(days=2))
    assert [p.name for p in losing_touch(alice, NOW)] == ["Sam Okafor"]
    Person.objects.filter(pk=people["sam"].pk).update(keep_in_touch_days=60)
    assert losing_touch(alice, NOW) == []
    weekly = Tag.objects.create(owner=alice, name="weekly", keep_in_touch_days=7)
    people["nina"].tags.add(weekly)  # not a fan, but her tag asks for every week
    assert [p.name for p in losing_touch(alice, NOW)] == ["Nina Kowalski"]


def test_weekly_goals_can_be_set(
    alice_client: Client, alice: User, people: dict[str, Person]
) -> None:
    alice_client.post(
        reverse("home:goals"),
        {"goal_calls": 20, "goal_meetings": 4, "goal_names": 8},
    )
    alice.refresh_from_db()
    assert (alice.goal_calls, alice.goal_meetings, alice.goal_names) == (20, 4, 8)


def test_empty_account_today_is_the_welcome(alice_client: Client) -> None:
    assertContains(alice_client.get("/"), "I don't know anyone to network with")


def test_calendar_feed_parses_back_and_a_wrong_token_is_404(
    alice_client: Client, alice: User, bob: User, people: dict[str, Person]
) -> None:
    create_meeting(people["sam"], NOW + dt.timedelta(days=1), place="Café Umbria")
    FollowUp.objects.create(
        owner=alice, person=people["sam"], title="Thank Sam", due=dt.date(2026, 11, 29)
    )
    services.create_person(bob, "Bob's Friend")
    page = alice_client.get("/calendar/")
    url = page.context["feed_url"]
    path = url[url.index("/calendar/") :]
    feed = Client().get(path)  # no log-in: the token is the key
    assert feed["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(feed.content)
    meeting, thanks = cal.walk("VEVENT")
    assert str(meeting["SUMMARY"]) == "Network meeting with Sam Okafor"
    assert meeting.decoded("DTSTART") == NOW + dt.timedelta(days=1)
    assert str(meeting["LOCATION"]) == "Café Umbria"
    # A follow-up is an all-day event on its day (subscriptions ignore to-dos).
    assert str(thanks["SUMMARY"]) == "Thank Sam"
    assert thanks.decoded("DTSTART") == dt.date(2026, 11, 29)
    assert thanks.decoded("DTEND") == dt.date(2026, 11, 30)
    assert not cal.walk("VTODO")
    assert all("UID" in c and "DTSTAMP" in c for c in (meeting, thanks))
    assert Client().get("/calendar/not-the-token.ics").status_code == 404
    alice_client.post(reverse("home:calendar_regenerate"))
    assert Client().get(path).status_code == 404


def test_default_request_asks_for_advice_briefly_and_names_the_connection(
    alice: User, people: dict[str, Person]
) -> None:
    body = DEFAULT_TEMPLATES[0][2]
    text = render(body, values_for(people["sam"], alice, "Dana Reyes"))
    assert len(text.split()) < 100
    assert "job" not in text.lower()
    assert text.index("Dana Reyes") < 40  # the connection comes first
    assert "advice" in text


def test_unknown_placeholders_are_refused_when_saving(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(
        "/templates/", {"name": "Odd", "body": "Hi {nickname}"}
    )
    assertContains(response, "Unknown placeholder {nickname}")
    response = alice_client.post(
        "/templates/", {"name": "Broken", "body": "Hi {first_name"}
    )
    assertContains(response, "Braces do not match")
    assert not MessageTemplate.objects.filter(name__in=["Odd", "Broken"]).exists()
    alice_client.post(
        "/templates/", {"name": "Short", "body": "Hi {first_name}, {{ok}}"}
    )
    assert MessageTemplate.objects.filter(owner=alice, name="Short").exists()


def test_a_bad_stored_template_never_crashes_rendering(
    alice: User, people: dict[str, Person]
) -> None:
    values = values_for(people["sam"], alice, None)
    assert render("Hi {first_name} {unknown} {0}", values) == "Hi Sam {unknown} {0}"
    assert render("Hi {first_name", values) == "Hi {first_name"


@pytest.mark.parametrize("size", [10, 2000])
def test_today_lists_and_session_queries_are_bounded(
    alice_client: Client, alice: User, size: int, django_assert_max_num_queries
) -> None:
    network = build_network(alice, size)
    call_list = CallList.objects.create(owner=alice, name="Big")
    add_to_list(call_list, network[:300])
    for person in network[:40]:
        log_attempt(person, "no_answer")
        FollowUp.objects.create(
            owner=alice, person=person, title="t", due=dt.date.today()
        )
    session_url = start(alice_client, call_list)
    for url in [
        "/",
        "/calls/",
        call_list.get_absolute_url(),
        "/followups/",
        session_url,
    ]:
        with django_assert_max_num_queries(25):
            assert alice_client.get(url).status_code == 200, url


def test_a_session_answers_a_bad_position_with_a_message(
    alice_client: Client, call_list: CallList
) -> None:
    url = start(alice_client, call_list)
    response = alice_client.post(
        url + "log/", {"i": "x", "outcome": "replied", "channel": "phone"}
    )
    assert response.status_code == 302  # back to the first person, nothing logged
    assert response["Location"].endswith("?i=0")
    assert alice_client.get(url + "?i=-1").context["position"] == 0
    assert not Attempt.objects.exists()
