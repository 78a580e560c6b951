"""The journal's pages, for the owner; an outsider gets 404 (also walked for every
route in config/tests/test_ownership.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.journal import services
from warmline.journal.models import JournalEntry
from warmline.journal.tests.conftest import HOSTILE, MEETING_DAY
from warmline.meetings.models import Meeting
from warmline.meetings.outcomes import OutcomeData, log_outcome
from warmline.people.models import Person

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 20)


def post(**fields: object) -> dict[str, object]:
    return {"title": "A good week", "day": "2026-11-21", "body": "", **fields}


def test_write_an_entry_and_read_it(alice_client: Client, sam: Person) -> None:
    response = alice_client.post(
        reverse("journal:add"),
        post(body="Sam said: *ask for names*.", tags="lessons, ux", add_person=sam.pk),
    )
    entry = JournalEntry.objects.get()
    assert response["Location"] == entry.get_absolute_url()
    page = alice_client.get(entry.get_absolute_url())
    assertContains(page, "<em>ask for names</em>", html=True)
    assertContains(page, sam.name)
    assertContains(page, "private")
    assert sorted(t.name for t in entry.tags.all()) == ["lessons", "ux"]


def test_a_form_with_errors_keeps_what_was_typed(
    alice_client: Client, sam: Person, meeting: Meeting
) -> None:
    body = "Three things I learned, at length."
    response = alice_client.post(
        reverse("journal:add"),
        post(
            title="",
            day="3026-01-01",
            body=body,
            people=[sam.pk],
            meetings=[meeting.pk],
        ),
    )
    assert response.status_code == 200
    assertContains(response, "nothing was saved")
    assertContains(response, body)
    assertContains(response, "Give a date between 1900 and 2100")
    assertContains(response, f'value="{sam.pk}"')  # the ticked person stays ticked
    assertContains(response, sam.name)
    assert not JournalEntry.objects.exists()


def test_edit_unlinks_an_unticked_person(
    alice_client: Client, alice: User, sam: Person
) -> None:
    entry = services.add_entry(alice, "T", DAY, people=[sam], tags=["a"])
    form = alice_client.get(reverse("journal:edit", args=[entry.pk]))
    assertContains(form, 'value="a"')
    alice_client.post(reverse("journal:edit", args=[entry.pk]), post(title="New"))
    entry.refresh_from_db()
    assert entry.title == "New" and not entry.people.exists()
    assert not entry.tags.exists()


def test_share_and_unshare_in_one_click(alice_client: Client, alice: User) -> None:
    entry = services.add_entry(alice, "T", DAY)
    listed = reverse("journal:list") + "?tag="
    response = alice_client.post(
        reverse("journal:share", args=[entry.pk]), {"next": listed}
    )
    assert response["Location"] == listed
    entry.refresh_from_db()
    assert entry.is_shared
    response = alice_client.post(
        reverse("journal:unshare", args=[entry.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == entry.get_absolute_url()
    entry.refresh_from_db()
    assert not entry.is_shared


def test_delete_asks_first(alice_client: Client, alice: User) -> None:
    entry = services.add_entry(alice, "T", DAY)
    url = reverse("journal:delete", args=[entry.pk])
    assertContains(alice_client.get(url), "Delete T?")
    assert JournalEntry.objects.exists()
    alice_client.post(url)
    assert not JournalEntry.objects.exists()


def test_the_list_filters_by_tag(alice_client: Client, alice: User) -> None:
    services.add_entry(alice, "Tagged", DAY, tags=["ux"])
    services.add_entry(alice, "Untagged", DAY)
    page = alice_client.get(reverse("journal:list"), {"tag": "UX"})
    assertContains(page, "Tagged")
    assertNotContains(page, "Untagged")


def test_another_users_entry_is_a_404(alice: User, bob: User) -> None:
    entry = services.add_entry(alice, "T", DAY)
    client = Client()
    client.force_login(bob)
    for name in ("detail", "edit", "delete", "share", "unshare"):
        url = reverse(f"journal:{name}", args=[entry.pk])
        assert client.get(url).status_code in (404, 405)
        assert client.post(url).status_code == 404
    assert JournalEntry.objects.get().is_shared is False


def test_after_an_outcome_the_meeting_page_offers_to_write_what_was_learned(
    alice_client: Client, meeting: Meeting, sam: Person
) -> None:
    page = alice_client.get(meeting.get_absolute_url())
    assertNotContains(page, "Write what you learned")
    log_outcome(meeting, OutcomeData(notes="Good talk"))
    page = alice_client.get(meeting.get_absolute_url())
    url = reverse("journal:add") + f"?meeting={meeting.pk}"
    assertContains(page, f'href="{url}"')
    form = alice_client.get(url)
    assertContains(form, f'value="What I learned from {sam.name}"')
    assertContains(form, f'value="{MEETING_DAY.isoformat()}"')
    assertContains(form, f'name="meetings" value="{meeting.pk}"')
    assertContains(form, f'name="people" value="{sam.pk}"')
    alice_client.post(
        url,
        post(
            title=f"What I learned from {sam.name}",
            people=[sam.pk],
            meetings=[meeting.pk],
        ),
    )
    entry = JournalEntry.objects.get()
    assert list(entry.meetings.all()) == [meeting]
    assertContains(alice_client.get(meeting.get_absolute_url()), entry.title)
    assertContains(alice_client.get(sam.get_absolute_url()), entry.title)


def test_someone_elses_meeting_does_not_prefill(bob: User, meeting: Meeting) -> None:
    client = Client()
    client.force_login(bob)
    form = client.get(reverse("journal:add"), {"meeting": meeting.pk})
    assertNotContains(form, meeting.person.name)


@pytest.mark.parametrize("payload", HOSTILE)
def test_script_payloads_are_escaped_on_every_journal_page(
    alice_client: Client, alice: User, sam: Person, payload: str
) -> None:
    entry = services.add_entry(
        alice, payload, DAY, body=payload, tags=[payload[:60]], people=[sam]
    )
    urls = [
        reverse("journal:list"),
        entry.get_absolute_url(),
        reverse("journal:edit", args=[entry.pk]),
        reverse("journal:delete", args=[entry.pk]),
        sam.get_absolute_url(),
    ]
    for url in urls:
        html = alice_client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert 'href="javascript:' not in html, url


@pytest.mark.parametrize("size", [3, 40])
def test_the_list_makes_a_bounded_number_of_queries(
    alice_client: Client,
    alice: User,
    sam: Person,
    size: int,
    django_assert_max_num_queries,
) -> None:
    for n in range(size):
        services.add_entry(
            alice, f"Entry {n}", DAY, tags=[f"t{n % 4}"], people=[sam], is_shared=n % 2
        )
    with django_assert_max_num_queries(12):
        assert alice_client.get(reverse("journal:list")).status_code == 200
    with django_assert_max_num_queries(12):
        response = alice_client.get(reverse("journal:feed", args=[alice.journal_token]))
        assert response.status_code == 200
