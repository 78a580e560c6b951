"""Markdown to HTML, in one place for every text the seeker writes in Markdown (the
journal; comments later): CommonMark with raw HTML off, so `<script>` stays text,
links only to http, https and mailto addresses (never `javascript:`), and no
images (a picture from another site would tell it who reads, and the
Content-Security-Policy blocks it anyway)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _link_open(
    self: RendererHTML,
    tokens: list[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    # Links lead away from the seeker's page: no referrer, no hold on this tab.
    tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def _parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False}
    )
    md.disable("image")
    md.validateLink = _safe_link  # type: ignore[method-assign]
    md.add_render_rule("link_open", _link_open)
    return md


_MD = _parser()


def render(text: str) -> str:
    """The HTML for Markdown `text`: safe to put in a page or a feed as it is."""
    return _MD.render(text or "")


def render_inline(text: str) -> str:
    """One line of Markdown without a paragraph around it."""
    return _MD.renderInline(text or "")
