"""Inviting, accepting, revoking; comments written, answered and escaped; the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from warmline.accounts import sharing
from warmline.accounts.models import Invitation, Role, Share, User
from warmline.cli.tests.runner import cli
from warmline.coaching.models import Comment
from warmline.people.services import create_person

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_coach_accepts_at_the_link_and_the_seeker_revokes(
    alice: User, alice_client: Client
) -> None:
    page = alice_client.post(reverse("coaching:invite"), {"role": "coach"})
    link = page.context["new_link"]
    assert link.startswith("http://testserver/sharing/accept/")
    code = page.context["new_code"]
    assert not Invitation.objects.filter(code_hash=code).exists()  # only its hash
    coach = User.objects.create_user("coach", first_name="Pat", last_name="Lee")
    client = signed_in(coach)
    path = link.removeprefix("http://testserver")
    shown = client.get(path)
    assert "invites you to follow their search" in shown.content.decode()
    assert not Share.objects.exists()  # reading the invitation accepts nothing
    assert client.post(path)["Location"] == reverse("coaching:dashboard")
    assert sharing.given(alice).get().viewer == coach
    # Once only.
    again = signed_in(User.objects.create_user("late")).post(path)
    assert again.status_code == 404 and "used already" in again.content.decode()
    listed = alice_client.get(reverse("coaching:sharing")).content.decode()
    assert "Pat Lee" in listed and "but what is marked private" in listed
    share = Share.objects.get()
    alice_client.post(reverse("coaching:revoke", args=[share.pk]))
    assert client.get(reverse("coaching:seeker", args=[alice.pk])).status_code == 404


def test_invitations_that_do_not_work_say_why(alice: User) -> None:
    _, code = sharing.invite(alice, Role.PARTNER)
    with pytest.raises(sharing.SharingError, match="your own invitation"):
        sharing.accept(alice, code)
    with pytest.raises(sharing.SharingError, match="No invitation has that code"):
        sharing.accept(alice, "nonsense")
    later = timezone.now() + dt.timedelta(days=sharing.INVITATION_DAYS, minutes=1)
    other = User.objects.create_user("other")
    with (
        time_machine.travel(later),
        pytest.raises(sharing.SharingError, match="ran out"),
    ):
        sharing.accept(other, code)
    with pytest.raises(sharing.SharingError, match="The role is one of"):
        sharing.invite(alice, "admin")
    assert not Share.objects.exists()


def test_comments_are_answered_seen_and_owned(
    alice: User, alice_client: Client
) -> None:
    create_person(alice, "Dana Reyes", is_main_contact=True)
    coach = User.objects.create_user("coach")
    sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    client = signed_in(coach)
    week = timezone.localdate().isocalendar()
    name = f"{week.year}-W{week.week:02d}"
    client.post(
        reverse("coaching:comment_add"),
        {"seeker": alice.pk, "week": name, "body": f"Good week {PAYLOAD}"},
    )
    comment = Comment.objects.get()
    # The seeker sees it on Today, escaped, and answers on their report.
    today = alice_client.get("/").content.decode()
    assert "Good week" in today and PAYLOAD not in today
    assert "&lt;script&gt;" in today
    report = alice_client.get(f"{reverse('insights:report')}?week={name}")
    assert "Good week" in report.content.decode()
    assert PAYLOAD not in report.content.decode()
    alice_client.post(
        reverse("coaching:comment_add"),
        {"seeker": alice.pk, "week": name, "body": "Thanks!"},
    )
    comment.refresh_from_db()
    assert comment.seen_at is not None  # answering reads the thread
    assert "New comments" not in alice_client.get("/").content.decode()
    # Only the author edits or deletes a comment.
    url = reverse("coaching:comment_edit", args=[comment.pk])
    assert alice_client.post(url, {"body": "mine now"}).status_code == 404
    client.post(url, {"body": "Great week"})
    comment.refresh_from_db()
    assert comment.body == "Great week"
    client.post(url, {"body": "   "})  # refused: nothing changes
    comment.refresh_from_db()
    assert comment.body == "Great week"
    # A stranger cannot comment, and learns nothing (404).
    stranger = signed_in(User.objects.create_user("stranger"))
    refused = stranger.post(
        reverse("coaching:comment_add"),
        {"seeker": alice.pk, "week": name, "body": "hi"},
    )
    assert refused.status_code == 404
    client.post(reverse("coaching:comment_delete", args=[comment.pk]))
    assert list(Comment.objects.values_list("body", flat=True)) == ["Thanks!"]


def test_payloads_are_escaped_on_every_shared_page(alice: User) -> None:
    dana = create_person(alice, f"Dana {PAYLOAD}", is_main_contact=True, title=PAYLOAD)
    coach = User.objects.create_user("coach", first_name=PAYLOAD)
    sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    alice.first_name = PAYLOAD
    alice.save()
    client = signed_in(coach)
    from warmline.coaching import services

    services.add_comment(coach, alice, timezone.localdate(), PAYLOAD)
    for url in (
        reverse("coaching:dashboard"),
        reverse("coaching:seeker", args=[alice.pk]),
        reverse("coaching:people", args=[alice.pk]),
        reverse("coaching:person", args=[alice.pk, dana.pk]),
        reverse("coaching:report", args=[alice.pk]),
        reverse("coaching:sharing"),
    ):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page, url
    seeker_pages = signed_in(alice)
    for url in ("/", reverse("coaching:sharing"), reverse("insights:report")):
        page = seeker_pages.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page, url


def test_sharing_on_the_command_line(alice: User) -> None:
    coach = User.objects.create_user("coach")
    code, out = cli("share", "invite", "--role", "partner", "--user", "alice")
    assert code == 0, out
    found = re.search(r"Code: (\S+)", out)
    assert found and "/sharing/accept/" in out
    code, out = cli("share", "accept", found.group(1), "--user", "coach")
    assert (
        code == 0 and "You now follow alice's search as accountability partner" in out
    )
    code, out = cli("share", "accept", found.group(1), "--user", "coach")
    assert code == 1 and "used already" in out and "Nothing was changed" in out
    code, out = cli("share", "list", "--json", "--user", "alice")
    assert json.loads(out) == [
        {
            "id": Share.objects.get().pk,
            "direction": "follows you",
            "user": "coach",
            "name": "coach",
            "role": "partner",
            "since": Share.objects.get().created_at.isoformat(),
        }
    ]
    assert (
        json.loads(cli("share", "list", "--json", "--user", "coach")[1])[0]["direction"]
        == "you follow"
    )
    code, out = cli("share", "revoke", "nobody", "--user", "alice")
    assert code == 1 and "You share with: coach" in out
    code, out = cli("share", "revoke", "coach", "--user", "alice")
    assert code == 0 and not Share.objects.exists()
    assert coach.pk  # the account itself stays


def test_a_coach_cannot_write_through_the_cli(alice: User) -> None:
    dana = create_person(alice, "Dana Reyes", is_main_contact=True)
    coach = User.objects.create_user("coach")
    sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    from warmline.outreach.services import add_follow_up

    follow_up = add_follow_up(dana, "other", "Send the article", timezone.localdate())
    code, out = cli("followups", "done", str(follow_up.pk), "--user", "coach")
    assert code == 1 and "shares their search with you to read" in out
    follow_up.refresh_from_db()
    assert follow_up.status == "open"
    code, out = cli("people", "edit", str(dana.pk), "--title", "x", "--user", "coach")
    assert code == 1 and "Only alice can change it" in out


def test_comments_on_a_shared_journal_entry_are_emailed(
    alice: User,
    alice_client: Client,
    mailoutbox: list,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from warmline.journal.services import add_entry

    alice.email = "alice@example.org"
    alice.save()
    create_person(alice, "Dana Reyes", is_main_contact=True)  # Today, not welcome
    shared = add_entry(alice, "What Sam said", timezone.localdate(), is_shared=True)
    private = add_entry(alice, "Doubts", timezone.localdate())
    coach = User.objects.create_user("coach", email="coach@example.org")
    sharing.accept(coach, sharing.invite(alice, Role.PARTNER)[1])
    client = signed_in(coach)
    url = reverse("coaching:journal_entry", args=[alice.pk, shared.pk])
    assert "What Sam said" in client.get(url).content.decode()
    listed = client.get(reverse("coaching:journal", args=[alice.pk]))
    assert "Doubts" not in listed.content.decode()
    private_url = reverse("coaching:journal_entry", args=[alice.pk, private.pk])
    assert client.get(private_url).status_code == 404
    add = reverse("coaching:comment_add")
    refused = client.post(add, {"entry": private.pk, "body": "hm"})
    assert refused.status_code == 404 and not Comment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(add, {"entry": shared.pk, "body": f"Ask Sam {PAYLOAD}"})
    assert callbacks
    [mail] = mailoutbox
    assert mail.to == ["alice@example.org"]
    assert mail.subject == "coach commented on \u201cWhat Sam said\u201d"
    assert f"/journal/{shared.pk}/" in mail.body and "Ask Sam" in mail.body
    # The seeker sees it on Today, linked to the entry, and answers there.
    today = alice_client.get("/").content.decode()
    assert f"/journal/{shared.pk}/#comments" in today and PAYLOAD not in today
    entry_page = alice_client.get(reverse("journal:detail", args=[shared.pk]))
    assert "Ask Sam" in entry_page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(add, {"entry": shared.pk, "body": "Will do."})
    assert [m.to for m in mailoutbox] == [["alice@example.org"], ["coach@example.org"]]
    assert f"/coach/{alice.pk}/journal/{shared.pk}/" in mailoutbox[1].body


def test_a_mail_server_that_fails_loses_no_comment(
    alice: User, settings: object
) -> None:
    from warmline.coaching import services

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # type: ignore[attr-defined]
    alice.email = "alice@example.org"
    alice.save()
    coach = User.objects.create_user("coach")
    sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    comment = services.add_comment(coach, alice, timezone.localdate(), "Keep going")
    from warmline.coaching import notify

    assert notify.comment_added(comment) == 0  # refused by the server: logged
    assert Comment.objects.get().body == "Keep going"


def test_after_revoking_a_viewer_cannot_touch_their_comments_and_the_seeker_can(
    alice: User, alice_client: Client
) -> None:
    from warmline.coaching import services

    coach = User.objects.create_user("coach")
    share = sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    kept = services.add_comment(coach, alice, timezone.localdate(), "Nice")
    client = signed_in(coach)
    sharing.revoke(share)
    edit = reverse("coaching:comment_edit", args=[kept.pk])
    assert client.post(edit, {"body": "changed"}).status_code == 404
    delete = reverse("coaching:comment_delete", args=[kept.pk])
    assert client.post(delete).status_code == 404
    kept.refresh_from_db()
    assert kept.body == "Nice"
    assert alice_client.post(delete).status_code == 302  # the seeker's page
    assert not Comment.objects.exists()


def test_nul_characters_are_refused_in_comments_and_group_names(alice: User) -> None:
    from django.core.exceptions import ValidationError

    from warmline.coaching import services

    coach = User.objects.create_user("coach")
    sharing.accept(coach, sharing.invite(alice, Role.COACH)[1])
    with pytest.raises(ValidationError, match="NUL"):
        services.add_comment(coach, alice, timezone.localdate(), "a\x00b")
    with pytest.raises(ValidationError, match="NUL"):
        services.create_group(coach, "a\x00b")
    assert not Comment.objects.exists() and not coach.groups_led.exists()


def test_the_feed_and_the_emailed_report_leave_private_people_out(
    alice: User, mailoutbox: list
) -> None:
    import feedparser

    from warmline.journal.report_mail import send_report
    from warmline.outreach.services import log_attempt

    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    last_week = monday - dt.timedelta(weeks=1)
    User.objects.filter(pk=alice.pk).update(
        date_joined=timezone.now() - dt.timedelta(weeks=3), feed_has_reports=True
    )
    alice.refresh_from_db()
    with time_machine.travel(last_week + dt.timedelta(days=1, hours=12)):
        zoe = create_person(alice, "Zoe Private", is_main_contact=True)
        dana = create_person(alice, "Dana Shown", is_main_contact=True)
        log_attempt(zoe, "replied")
        log_attempt(dana, "replied")
    sharing.set_private(zoe, True)
    feed = Client().get(reverse("journal:feed", args=[alice.journal_token]))
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.entries
    text = feed.content.decode()
    assert "Dana Shown" in text and "Zoe Private" not in text
    send_report(alice, last_week, "coach@example.org")
    assert "Dana Shown" in mailoutbox[0].body
    assert "Zoe Private" not in mailoutbox[0].body
