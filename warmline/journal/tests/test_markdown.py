"""core.markdown: CommonMark with raw HTML off and only safe links."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from warmline.core.markdown import render


def test_markdown_renders_emphasis_lists_and_links() -> None:
    html = render("**Bold** and *soft*\n\n- one\n- two\n\n[site](https://example.org)")
    assert "<strong>Bold</strong>" in html and "<em>soft</em>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<b onclick=alert(1)>x</b>",
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_raw_html_stays_text(text: str) -> None:
    html = render(text)
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert "<a " not in html
    assert "&lt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "[x](/relative/path)",
    ],
)
def test_only_http_https_and_mailto_become_links(text: str) -> None:
    assert "<a " not in render(text)


def test_mailto_is_a_link_and_images_are_not_loaded() -> None:
    assert 'href="mailto:sam@example.org"' in render("[Sam](mailto:sam@example.org)")
    html = render("![tracker](https://example.org/pixel.png)")
    assert "<img" not in html


def test_the_template_filter_is_everywhere() -> None:
    html = Template("{{ text|markdown }}").render(Context({"text": "*hi* <i>x</i>"}))
    assert "<em>hi</em>" in html and "&lt;i&gt;x&lt;/i&gt;" in html
