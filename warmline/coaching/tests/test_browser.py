"""In Chromium: a seeker invites a coach; the coach accepts at the link, opens the
dashboard, reads the seeker's week and comments; the seeker sees the comment on
Today and answers. The coach's pages fit a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.home.demo import load_demo
from warmline.home.tests.test_browser_phone import PHONE, WIDE, width_and_header

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coach_follows_a_week_and_the_seeker_sees_the_comment(
    page: Page, browser: Browser, live_server
) -> None:
    jordan = UserFactory.create(username="jordan", first_name="Jordan")
    load_demo(jordan)
    UserFactory.create(username="morgan", first_name="Morgan", last_name="Hale")
    page.set_viewport_size(WIDE)
    sign_in(page, live_server.url, "jordan")
    page.goto(live_server.url + "/sharing/")
    page.get_by_role("button", name="Create an invitation").click()
    link = page.get_by_label("Invitation link").input_value()
    assert "/sharing/accept/" in link

    coach_context = browser.new_context(viewport=WIDE)
    coach = coach_context.new_page()
    sign_in(coach, live_server.url, "morgan")
    coach.goto(link)
    expect(coach.get_by_role("heading", name="Jordan invites you")).to_be_visible()
    coach.get_by_role("button", name="Accept").click()
    expect(coach.get_by_role("heading", name="Coaching")).to_be_visible()
    coach.get_by_role("link", name="Jordan").first.click()
    expect(coach.get_by_text("Jordan's search", exact=False).first).to_be_visible()
    expect(coach.get_by_text("read-only", exact=False).first).to_be_visible()
    coach.get_by_text("This week's report and comments").click()
    coach.get_by_label("Comment on this week").fill("Three calls before Friday?")
    coach.get_by_role("button", name="Comment", exact=True).click()
    expect(
        coach.locator(".comment-body").get_by_text("Three calls before Friday?")
    ).to_be_visible()
    for path in ("/coach/", coach.url.split(live_server.url)[1].split("?")[0]):
        coach.set_viewport_size(PHONE)
        coach.goto(live_server.url + path)
        width, _ = width_and_header(coach)
        assert width <= 390, f"{path} is {width} px wide on a phone"
    coach.goto(live_server.url + "/coach/")
    people = coach.get_by_role("link", name="Jordan").first
    people.click()
    coach.get_by_role("link", name="People").last.click()
    width, _ = width_and_header(coach)
    assert width <= 390

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="New comments")).to_be_visible()
    expect(page.get_by_text("Three calls before Friday?")).to_be_visible()
    page.get_by_role("link", name="your week of", exact=False).click()
    page.get_by_label("Reply").fill("Yes: two booked already.")
    page.get_by_role("button", name="Reply").click()
    expect(
        page.locator(".comment-body").get_by_text("Yes: two booked already.")
    ).to_be_visible()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="New comments")).to_have_count(0)
    coach_context.close()
