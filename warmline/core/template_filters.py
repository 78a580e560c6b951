"""Filters every template has without {% load %} (settings: TEMPLATES builtins)."""

from __future__ import annotations

from django import template

from warmline.core import dates

register = template.Library()
register.filter("day", dates.day)
register.filter("moment", dates.moment)
