"""Filters every template has without {% load %} (settings: TEMPLATES builtins)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from warmline.core import dates, words
from warmline.core.markdown import render as render_markdown

register = template.Library()
register.filter("day", dates.day)
register.filter("moment", dates.moment)


@register.filter
def counted(n: int | float, nouns: str) -> str:
    """{{ n|counted:"person,people" }} or {{ n|counted:"meeting" }}."""
    singular, _, plural = nouns.partition(",")
    return words.counted(n, singular, plural)


@register.filter
def noun(n: int, nouns: str) -> str:
    """The noun alone, in the number `n` asks for: for a count shown apart, as in
    <strong>3</strong> {{ 3|noun:"call made,calls made" }}."""
    singular, _, plural = nouns.partition(",")
    return ngettext(singular, plural or singular + "s", n)


@register.filter(is_safe=True)
def markdown(text: str) -> SafeString:
    """{{ entry.body|markdown }}: the seeker's Markdown as safe HTML (core.markdown)."""
    return mark_safe(render_markdown(text))
