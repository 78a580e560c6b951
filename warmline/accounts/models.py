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
