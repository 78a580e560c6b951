from __future__ import annotations

import secrets
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator
from django.db import models

from warmline.core.zones import check_zone


def new_feed_token() -> str:
    """A fresh secret for a feed's address (the calendar, the journal)."""
    return secrets.token_urlsafe(24)


# The name the early migrations know it by.
new_calendar_token = new_feed_token


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
    goal_calls = models.PositiveSmallIntegerField(
        "calls a week", default=15, validators=[MaxValueValidator(500)]
    )
    goal_meetings = models.PositiveSmallIntegerField(
        "meetings a week", default=3, validators=[MaxValueValidator(100)]
    )
    goal_names = models.PositiveSmallIntegerField(
        "names gathered a week", default=6, validators=[MaxValueValidator(200)]
    )
    # Blank until chosen: then the server's zone (the machine's, for the local
    # owner), until the browser's is detected at the first sign-in.
    time_zone = models.CharField(
        "time zone",
        max_length=64,
        blank=True,
        validators=[check_zone],
        help_text="Today, weeks and every time you see or type are in this zone.",
    )
    # The secret in the calendar feed's address; every account has one from the start,
    # so opening the calendar page never has to write.
    calendar_token = models.CharField(
        max_length=64, default=new_feed_token, db_index=True
    )
    # The secret in the address of the journal's Atom feed (shared entries only).
    journal_token = models.CharField(
        max_length=64, default=new_feed_token, db_index=True
    )
    feed_has_reports = models.BooleanField(
        "weekly reports in my journal's feed",
        default=False,
        help_text="Readers of your journal's feed also get your weekly report.",
    )
    report_email = models.EmailField(
        "email my weekly report to",
        blank=True,
        help_text="Sent each Monday by `warmline tick`; empty sends nothing.",
    )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The zone this user lives in (see time_zone); a name this machine does not
        know (written before it was checked) means the server's, not a broken page."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class Role(models.TextChoices):
    """What someone the seeker shares with may read (see accounts/access.py)."""

    COACH = "coach", "Coach"
    PARTNER = "partner", "Accountability partner"


class Share(models.Model):
    """The seeker (owner) lets a viewer read their search, in a role, until revoked."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shares_received",
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "viewer"], name="share_once_per_viewer"
            ),
            models.CheckConstraint(
                condition=~models.Q(owner=models.F("viewer")), name="share_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner} shares with {self.viewer} ({self.role})"


class Invitation(models.Model):
    """A one-time code that, accepted by a signed-in account, becomes a Share.

    Only the code's hash is kept: whoever reads the database cannot accept it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.owner}'s invitation ({self.role})"
