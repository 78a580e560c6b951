"""What viewers add to a shared search: comments, and a coach's groups of seekers."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from warmline.insights.report import week_name


class Comment(models.Model):
    """A note on a seeker's weekly report or on a journal entry they shared, by a
    coach, a partner or the seeker; each belongs to one thread, the week or the
    entry."""

    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(
        null=True, blank=True, help_text="The Monday of the week the report covers."
    )
    entry = models.ForeignKey(
        "journal.JournalEntry",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the seeker saw it (their own replies are seen as they are written).
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["seeker", "week"], name="comment_seeker_week"),
            models.Index(fields=["seeker", "seen_at"], name="comment_seeker_seen"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(week__isnull=True) ^ models.Q(entry__isnull=True),
                name="comment_on_a_week_or_an_entry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.seeker}'s {self.entry or self.week}"

    @property
    def week_name(self) -> str:
        """The week as the report's address names it (2026-W48); "" on an entry."""
        return week_name(self.week) if self.week else ""


class SeekerGroup(models.Model):
    """A coach's work team: seekers whose weeks are read side by side."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="groups_led"
    )
    name = models.CharField(max_length=100)
    seekers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["coach", "name"], name="group_name_once")
        ]

    def __str__(self) -> str:
        return self.name
