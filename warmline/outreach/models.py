from __future__ import annotations

from django.conf import settings
from django.db import models


class FollowUp(models.Model):
    """A dated task tied to a person: a thank-you, a follow-up, reaching a new name."""

    class Kind(models.TextChoices):
        THANK_YOU = "thank_you", "Thank-you note"
        FOLLOW_UP = "follow_up", "Follow up"
        CALL_BACK = "call_back", "Call back"
        SEND_RESUME = "send_resume", "Send resume"
        REACH_OUT = "reach_out", "Reach out"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        SNOOZED = "snoozed", "Snoozed"
        CANCELLED = "cancelled", "Cancelled"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300)
    due = models.DateField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    notes = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["owner", "status", "due"], name="followup_due")]

    def __str__(self) -> str:
        return self.title
