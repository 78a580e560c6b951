from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from warmline.core.ranges import check_date


class CallList(models.Model):
    """An ordered list of people to reach in one sitting."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=120)
    purpose = models.CharField(max_length=300, blank=True)
    next_sitting_on = models.DateField(null=True, blank=True, validators=[check_date])
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outreach:list_detail", args=[self.pk])


class CallListEntry(models.Model):
    """A person on a call list, in the order the seeker will call."""

    call_list = models.ForeignKey(
        CallList, on_delete=models.CASCADE, related_name="entries"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="call_list_entries"
    )
    position = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_list", "person"], name="unique_list_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.call_list}"


class CallSession(models.Model):
    """One sitting working through a call list."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    call_list = models.ForeignKey(
        CallList, on_delete=models.CASCADE, related_name="sessions"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    # The people to call, fixed when the sitting starts so that logging an outcome
    # (which moves someone to the bottom of the list) does not reshuffle the sitting.
    queue = models.JSONField(default=list)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Session on {self.call_list} at {self.started_at:%Y-%m-%d %H:%M}"


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn message"
    TEXT = "text", "Text"
    IN_PERSON = "in_person", "In person"


class AttemptOutcome(models.TextChoices):
    NO_ANSWER = "no_answer", "No answer"
    VOICEMAIL = "voicemail", "Left voicemail"
    SCHEDULED = "scheduled", "Scheduled"
    DECLINED = "declined", "Declined"
    CALL_BACK = "call_back", "Call back"
    BOUNCED = "bounced", "Wrong number / bounced"
    REPLIED = "replied", "Replied"


# Outcomes that leave the seeker waiting for an answer: the 3B7 routine starts.
AWAITING_REPLY = {AttemptOutcome.NO_ANSWER, AttemptOutcome.VOICEMAIL}
# Outcomes that are an answer: the outreach is over.
ANSWERED = {
    AttemptOutcome.SCHEDULED,
    AttemptOutcome.REPLIED,
    AttemptOutcome.DECLINED,
    AttemptOutcome.CALL_BACK,
}


class Outreach(models.Model):
    """Reaching out to one person until they answer, or the 3B7 routine gives up."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for a reply"
        REPLIED = "replied", "Replied"
        NO_REPLY = "no_reply", "No reply"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="outreaches"
    )
    started_at = models.DateTimeField()
    give_up_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WAITING
    )
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["owner", "status", "give_up_on"], name="outreach_due")
        ]

    def __str__(self) -> str:
        return f"Outreach to {self.person} from {self.started_at:%Y-%m-%d}"


class Attempt(models.Model):
    """One try at reaching a person: when, how, and what happened."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="attempts"
    )
    session = models.ForeignKey(
        CallSession,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )
    outreach = models.ForeignKey(
        Outreach,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )
    at = models.DateTimeField(validators=[check_date])
    channel = models.CharField(
        max_length=20, choices=Channel.choices, default=Channel.PHONE
    )
    outcome = models.CharField(max_length=20, choices=AttemptOutcome.choices)
    notes = models.TextField(blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["owner", "at"], name="attempt_owner_at"),
            # Insights read these from the index alone: who answered (reached, the
            # planner's rates), and how each channel fared.
            models.Index(
                fields=["owner", "outcome", "at", "person"],
                name="attempt_owner_outcome",
            ),
            models.Index(
                fields=["owner", "channel", "outcome", "at"],
                name="attempt_owner_channel",
            ),
        ]

    def __str__(self) -> str:
        how = self.get_channel_display()
        return f"{self.get_outcome_display()} ({how}) to {self.person}"


class FollowUp(models.Model):
    """A dated task tied to a person: a thank-you, a follow-up, reaching a new name."""

    class Kind(models.TextChoices):
        THANK_YOU = "thank_you", "Thank-you note"
        FOLLOW_UP = "follow_up", "Follow up"
        CALL_BACK = "call_back", "Call back"
        SEND_RESUME = "send_resume", "Send resume"
        REACH_OUT = "reach_out", "Reach out"
        REACH_ANOTHER = "reach_another", "Reach another person"
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
    due = models.DateField(validators=[check_date])
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
    outreach = models.ForeignKey(
        Outreach,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
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


# A follow-up still to do (shown, counted, put in the calendar).
PENDING = (FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)


class MessageTemplate(models.Model):
    """Outreach wording with placeholders such as {first_name} and {introducer}."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=120)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name
