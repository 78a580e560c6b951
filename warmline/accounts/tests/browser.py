"""Signing in through the real sign-in page, for browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

from warmline.accounts.tests.factories import PASSWORD


def sign_in(page: Page, base_url: str, username: str, *, go: bool = True) -> None:
    """Sign in as `username` (a UserFactory user); `go=False` when the page already
    shows the sign-in form (after a redirect to it)."""
    if go:
        page.goto(base_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
