"""Counting things in words: "1 person", "3 people", "1,204 names" (Django's
ngettext, so a count and its noun always agree). Django is imported when a count is
written, so the command line can import this before Django starts."""

from __future__ import annotations


def counted(n: int | float, singular: str, plural: str = "") -> str:
    """`n` and the noun in the right number; a whole float is written as an int."""
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils.translation import ngettext

    if isinstance(n, float) and n.is_integer():
        n = int(n)
    count = n if isinstance(n, int) else 2  # 1.5 people reads as plural
    return f"{intcomma(n)} {ngettext(singular, plural or singular + 's', count)}"
