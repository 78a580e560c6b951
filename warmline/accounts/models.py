from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A Warmline account (a job seeker, later a coach); owns every row it creates."""

    two_minute_story = models.TextField(
        "my two-minute story",
        blank=True,
        help_text="Your answer to \u201ctell me about yourself\u201d: where you come "
        "from, what you are exploring, what you hope to learn.",
    )
    why_this_field = models.TextField(
        "why this field",
        blank=True,
        help_text="Why the work you are moving into draws you.",
    )
    goal_calls = models.PositiveSmallIntegerField("calls a week", default=15)
    goal_meetings = models.PositiveSmallIntegerField("meetings a week", default=3)
    goal_names = models.PositiveSmallIntegerField("new names a week", default=6)
    calendar_token = models.CharField(max_length=64, blank=True, db_index=True)
