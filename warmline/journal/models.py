"""The seeker's journal: dated reflections, private unless shared."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from warmline.core.ranges import check_date


class JournalEntry(models.Model):
    """One dated reflection in Markdown; readers of the feed (and later a coach) see
    it only once the seeker shares it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="Markdown: *emphasis*, lists, links.")
    day = models.DateField(validators=[check_date])
    tags = models.ManyToManyField("people.Tag", blank=True, related_name="+")
    is_shared = models.BooleanField(
        "shared",
        default=False,
        help_text="Shared entries are in your journal's feed; others stay yours alone.",
    )
    people = models.ManyToManyField(
        "people.Person", blank=True, related_name="journal_entries"
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="journal_entries"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day", "-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-day"], name="journal_owner_day")]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("journal:detail", args=[self.pk])


class ReportSent(models.Model):
    """The last week whose report `warmline tick` emailed to an account, so a tick
    that runs hourly sends each week's report once."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(help_text="The Monday of the week last sent.")
    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.owner_id}: {self.week:%G-W%V}"
