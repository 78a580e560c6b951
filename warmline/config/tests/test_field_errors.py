"""A field refused by a form points at its own error message: Django writes
aria-describedby="<id>_error" on the input, and the page has that element, so a
screen reader reads the reason with the field."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User

pytestmark = pytest.mark.django_db


class Described(HTMLParser):
    """The ids on a page, and what each input's aria-describedby names."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if found.get("aria-describedby") and found.get("id"):
            self.described[str(found["id"])] = str(found["aria-describedby"]).split()


def described(html: str) -> Described:
    parser = Described()
    parser.feed(html)
    return parser


def test_each_refused_field_is_described_by_its_error(
    alice: User, alice_client: Client
) -> None:
    for url, form, field in [
        (reverse("people:add"), {"name": ""}, "id_name"),
        (reverse("accounts:profile"), {"time_zone": "Mars/Olympus"}, "id_time_zone"),
        (
            reverse("meetings:add"),
            {"at": "0226-12-01T10:30", "mode": "video", "kind": "network"},
            "id_at",
        ),
    ]:
        response = alice_client.post(url, form)
        assert response.status_code == 200, url
        page = described(response.content.decode())
        assert f"{field}_error" in page.described.get(field, []), url
        for refs in page.described.values():
            assert set(refs) <= page.ids, f"{url}: {refs} not all on the page"
