"""Messages in the user's words: what the defaults say, how placeholders fill, and the
migration that renews the defaults nobody edited."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.accounts.services import update_profile
from warmline.home.demo import load_demo
from warmline.meetings.question_bank import DEFAULT_QUESTIONS
from warmline.outreach.message_text import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    messages_for,
    opener_for,
    render,
    values_for,
)
from warmline.outreach.models import MessageTemplate
from warmline.outreach.services import update_template
from warmline.people import services
from warmline.people.models import Person
from warmline.people.queries import chain_people

pytestmark = pytest.mark.django_db

renewal = importlib.import_module(
    "warmline.outreach.migrations.0007_default_templates_in_the_users_words"
)
STORY = (
    "I taught chemistry for eight years and I am exploring research on how people "
    "learn to use health apps."
)
# What the user never said, in any default: a life story, a friend who suggested it.
SAYS_WHO_THE_USER_IS = re.compile(
    r"\bI (spent|was|am|worked|taught|have been)\b|\bteach|\byears (of|teaching|in)\b"
)


@pytest.fixture
def people(alice: User) -> dict[str, Person]:
    dana = services.create_person(alice, "Dana Reyes", is_main_contact=True)
    sam = services.create_person(
        alice, "Sam Okafor", introduced_by=dana, organization="Northwind"
    )
    kim = services.create_person(alice, "Kim Lee")  # not connected yet
    lou = services.create_person(alice, "Lou Ferris", introduced_by=kim)
    return {"dana": dana, "sam": sam, "kim": kim, "lou": lou}


def opener(person: Person, user: User) -> str:
    message = opener_for(person, user, chain_people(person))
    assert message is not None
    return message.body


def test_no_default_speaks_for_the_user() -> None:
    for name, subject, body in DEFAULT_TEMPLATES:
        assert not SAYS_WHO_THE_USER_IS.search(subject + body), name
        assert "friend" not in (subject + body).lower(), name
    for _, question in DEFAULT_QUESTIONS:
        assert not SAYS_WHO_THE_USER_IS.search(question), question


def test_until_the_profile_is_written_the_opener_is_short_neutral_and_unsigned(
    alice: User, people: dict[str, Person]
) -> None:
    message = opener_for(people["sam"], alice, chain_people(people["sam"]))
    assert message is not None
    assert message.body == (
        "Hi Sam,\n\nDana Reyes suggested I get in touch with you.\n\nCould I have "
        "twenty minutes of your time for advice? I would value your view of your work "
        "and what you wish you had known starting out.\n\nThank you,"
    )
    assert message.left_out == ["my_name", "my_story"]
    assert "alice" not in message.body  # never the account name


def test_the_opener_tells_the_story_and_signs_with_the_profiles_name(
    alice: User, people: dict[str, Person]
) -> None:
    update_profile(alice, first_name="Alice", last_name="Moreno")
    assert opener(people["sam"], alice).endswith("Thank you,\nAlice Moreno")
    update_profile(alice, two_minute_story=f"  {STORY}\n")
    message = opener_for(people["sam"], alice, chain_people(people["sam"]))
    assert message is not None and message.left_out == []
    assert f"you.\n\n{STORY}\n\nCould I" in message.body


def test_a_main_contact_is_never_told_someone_suggested_them(
    alice: User, people: dict[str, Person]
) -> None:
    text = opener(people["dana"], alice)
    assert "suggest" not in text
    assert text.startswith("Hi Dana,\n\nCould I have twenty minutes")
    assert "suggest" not in opener(people["kim"], alice)  # nobody introduced Kim


def test_someone_introduced_off_any_chain_still_hears_who_introduced_them(
    alice: User, people: dict[str, Person]
) -> None:
    assert people["lou"].chain == []
    assert "Kim Lee suggested I get in touch" in opener(people["lou"], alice)


def test_a_line_whose_placeholder_is_blank_is_left_out_and_the_rest_fills() -> None:
    values = {"first_name": "Sam", "title": "", "organization": "Northwind"}
    text = "Hi {first_name},\n\nHow did you become {title}?\n\nAt {organization}?\n"
    assert render(text, values) == "Hi Sam,\n\nAt Northwind?\n"
    assert render("{title}", values) == ""
    braces = "Braces: {{title}} {nickname}"
    assert render(braces, values) == "Braces: {title} {nickname}"
    # Saved from a browser, lines end in CRLF: the same lines are left out.
    assert render("Hi {first_name},\r\n\r\n{title}\r\n\r\nBye", values) == (
        "Hi Sam,\r\n\r\nBye"
    )


def test_every_placeholder_still_fills(alice: User, people: dict[str, Person]) -> None:
    update_profile(
        alice, first_name="Alice", last_name="Moreno", two_minute_story=STORY
    )
    sam = people["sam"]
    sam.title = "UX Researcher"
    values = values_for(sam, alice, "Dana Reyes")
    assert set(values) == set(PLACEHOLDERS)
    text = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    assert render(text, values) == (
        f"Sam Sam Okafor Dana Reyes Northwind UX Researcher Alice Moreno {STORY}"
    )


def test_the_person_page_writes_every_template_that_has_someone_to_go_to(
    alice: User, people: dict[str, Person]
) -> None:
    names = [name for name, _, _ in DEFAULT_TEMPLATES]
    written = messages_for(people["sam"], alice, chain_people(people["sam"]))
    assert [m.name for m in written] == names
    assert written[3].body.startswith("Hi Dana Reyes,")  # the update to an introducer
    # Nobody introduced a main contact, or someone not connected yet: no update to
    # write to anyone, and no "suggested by" in the rest.
    for who in ("dana", "kim"):
        written = messages_for(people[who], alice, chain_people(people[who]))
        assert [m.name for m in written] == names[:3]
        assert all("suggest" not in m.body and "alice" not in m.body for m in written)
    lou = messages_for(people["lou"], alice, chain_people(people["lou"]))
    assert lou[3].body.startswith("Hi Kim Lee,")  # off any chain, still introduced


def test_the_person_page_invites_the_user_to_write_their_story(
    alice_client: Client, alice: User, people: dict[str, Person]
) -> None:
    url = people["dana"].get_absolute_url()
    page = alice_client.get(url)
    assertContains(page, "Write your two-minute story</a> on your profile and these")
    assertContains(page, "to sign these messages")
    assertNotContains(page, "Update to an introducer")
    assertContains(alice_client.get(people["sam"].get_absolute_url()), "Update to an")
    update_profile(
        alice, first_name="Alice", last_name="Moreno", two_minute_story=STORY
    )
    page = alice_client.get(url)
    assertNotContains(page, "Write your two-minute story")
    assertNotContains(page, "Add your name")
    assertContains(page, STORY)


def test_the_session_page_invites_the_user_to_write_their_story(
    alice_client: Client, alice: User, people: dict[str, Person]
) -> None:
    from warmline.outreach.models import CallList
    from warmline.outreach.services import add_to_list, start_session

    call_list = CallList.objects.create(owner=alice, name="This week")
    add_to_list(call_list, [people["dana"]])
    url = f"/sessions/{start_session(call_list).pk}/"
    page = alice_client.get(url)
    assertContains(page, "Write your two-minute story</a> on your profile")
    assertContains(page, 'href="/profile/"')
    assertContains(page, "Add your name")
    update_profile(
        alice, first_name="Alice", last_name="Moreno", two_minute_story=STORY
    )
    page = alice_client.get(url)
    assertNotContains(page, "Write your two-minute story")
    assertContains(page, STORY)
    assertContains(page, "Thank you,\nAlice Moreno")


def test_the_templates_page_documents_the_placeholders_and_the_profile(
    alice_client: Client, alice: User
) -> None:
    page = alice_client.get("/templates/")
    for name, label in PLACEHOLDERS.items():
        assertContains(page, f"<code>{{{name}}}</code> {label}")
    assertContains(page, "A line whose placeholder has nothing to fill it is left out")
    assertContains(page, "Write your two-minute story and your name on your profile")
    update_profile(alice, two_minute_story=STORY)
    first = MessageTemplate.objects.filter(owner=alice)[0]
    edit = alice_client.get(f"/templates/{first.pk}/")
    assertContains(edit, "Write your name on your profile")


def test_the_demo_leaves_the_users_profile_and_templates_alone(alice: User) -> None:
    load_demo(alice)
    alice.refresh_from_db()
    assert (alice.first_name, alice.last_name, alice.two_minute_story) == ("", "", "")
    rows = MessageTemplate.objects.filter(owner=alice).values_list(
        "name", "subject", "body"
    )
    assert list(rows) == [tuple(t) for t in DEFAULT_TEMPLATES]


def test_the_migration_renews_defaults_nobody_edited_and_keeps_the_rest(
    alice: User, bob: User
) -> None:
    MessageTemplate.objects.all().delete()
    for user in (alice, bob):
        for position, (name, (subject, body)) in enumerate(renewal.OLD.items()):
            MessageTemplate.objects.create(
                owner=user, name=name, subject=subject, body=body, position=position
            )
    bobs = MessageTemplate.objects.filter(owner=bob)
    edited = bobs.get(name="Request for advice")
    update_template(edited, body=edited.body.replace("ten years", "six years"))
    saved_unchanged = bobs.get(name="Thank-you")  # as a browser's textarea sends it
    update_template(saved_unchanged, body=saved_unchanged.body.replace("\n", "\r\n"))
    mine = MessageTemplate.objects.create(
        owner=bob, name="Mine", body="Hi {first_name}", position=9
    )
    before = {
        t.pk: (t.name, t.subject, t.body, t.position)
        for t in MessageTemplate.objects.all()
    }

    renewal.renew_untouched_defaults(apps, None)

    after = {
        t.pk: (t.name, t.subject, t.body, t.position)
        for t in MessageTemplate.objects.all()
    }
    assert after.keys() == before.keys()
    changed = {pk for pk in after if after[pk] != before[pk]}
    assert changed == set(before) - {edited.pk, mine.pk}
    for pk in changed:
        name, subject, body, position = after[pk]
        assert (name, subject, body) == tuple(DEFAULT_TEMPLATES[position])
        assert before[pk][3] == position


def test_the_migrations_new_text_is_todays_default() -> None:
    """Changing a default needs a migration like 0007 for the copies nobody edited."""
    assert [(n, *renewal.NEW[n]) for n in renewal.NEW] == [
        tuple(t) for t in DEFAULT_TEMPLATES
    ]
