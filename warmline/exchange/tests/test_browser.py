"""Importing in Chromium: choose a file, see the preview, confirm, find the people."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.people.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIXTURES = Path(__file__).parent / "fixtures"


def test_upload_preview_confirm(page: Page, live_server) -> None:
    UserFactory.create(username="jordan")
    sign_in(page, live_server.url, "jordan")
    page.get_by_role(
        "link", name="import LinkedIn connections, phone contacts or vCards"
    ).click()

    page.get_by_label("What kind of file").select_option("linkedin")
    page.get_by_label("File", exact=True).set_input_files(
        str(FIXTURES / "linkedin_current.csv")
    )
    page.get_by_label("Tag").fill("linkedin")
    page.get_by_role("button", name="Preview the import").click()

    expect(
        page.get_by_role("heading", name="Import linkedin_current.csv?")
    ).to_be_visible()
    expect(page.locator(".stats article").first).to_contain_text("3")
    expect(page.get_by_role("cell", name="Zoë Campbell")).to_be_visible()
    assert not Person.objects.exists()
    page.get_by_role("button", name="Import 3 rows").click()

    expect(page.get_by_text("Imported linkedin_current.csv: 3 new")).to_be_visible()
    expect(page.get_by_role("link", name="Sam Okafor")).to_be_visible()
    assert Person.objects.count() == 3
