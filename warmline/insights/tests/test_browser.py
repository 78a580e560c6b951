"""Insights and the network graph in Chromium: charts and nodes really draw."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from warmline.accounts.tests.browser import sign_in
from warmline.accounts.tests.factories import UserFactory
from warmline.home.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_insights_charts_and_the_network_graph_render(page: Page, live_server) -> None:
    jordan = UserFactory.create(username="jordan")
    load_demo(jordan)
    sign_in(page, live_server.url, "jordan")

    page.goto(live_server.url + "/insights/?period=all")
    expect(page.locator("body[data-charts-ready]")).to_be_attached()
    for chart in ["chart-funnel", "chart-weekly", "chart-growth"]:
        box = page.locator(f"#{chart}").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
        # Chart.js draws into the canvas: some pixels are not blank.
        assert page.evaluate(
            """id => { const c = document.getElementById(id);
                       const g = c.getContext('2d');
                       const d = g.getImageData(0, 0, c.width, c.height).data;
                       return d.some(v => v !== 0); }""",
            chart,
        )
    expect(page.get_by_role("cell", name="Dana Reyes")).to_be_visible()

    page.goto(live_server.url + "/network/")
    expect(page.locator("#graph[data-nodes]")).to_be_attached()
    assert int(page.locator("#graph").get_attribute("data-nodes") or 0) == 46  # me + 45
    expect(page.get_by_text("45 people.")).to_be_visible()
