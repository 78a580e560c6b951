from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from warmline.core.dates import day
from warmline.core.ranges import MEETING_MINUTES, check_date


class ResumeVersion(models.Model):
    """One version of the seeker's resume, kept under WARMLINE_HOME."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    label = models.CharField(max_length=120)
    file = models.FileField(upload_to="resumes/%Y/%m/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    dated = models.DateField(validators=[check_date])
    notes = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dated", "-id"]

    def __str__(self) -> str:
        return f"{self.label} ({day(self.dated)})"

    @property
    def extension(self) -> str:
        return PurePath(self.original_name).suffix.lower().lstrip(".")


class Question(models.Model):
    """A question in the seeker's bank, grouped TIARA-style plus asking for names."""

    class Category(models.TextChoices):
        TRENDS = "trends", "Trends"
        INSIGHTS = "insights", "Insights"
        ADVICE = "advice", "Advice"
        RESOURCES = "resources", "Resources"
        ASSIGNMENTS = "assignments", "Assignments"
        NAMES = "names", "Names"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = models.CharField(max_length=400)
    category = models.CharField(max_length=20, choices=Category.choices)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Meeting(models.Model):
    """A network meeting (informational interview), coffee, event or job interview."""

    class Mode(models.TextChoices):
        FACE_TO_FACE = "face_to_face", "Face to face"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video"

    class Kind(models.TextChoices):
        NETWORK = "network", "Network meeting"
        COFFEE = "coffee", "Coffee"
        EVENT = "event", "Event"
        INTERVIEW = "interview", "Job interview"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"
        NO_SHOW = "no_show", "No-show"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="meetings"
    )
    at = models.DateTimeField("when", validators=[check_date])
    duration_minutes = models.PositiveSmallIntegerField(
        "duration (minutes)", default=30, validators=MEETING_MINUTES
    )
    place = models.CharField("place or link", max_length=300, blank=True)
    mode = models.CharField(
        max_length=20, choices=Mode.choices, default=Mode.FACE_TO_FACE
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    is_pure = models.BooleanField(
        "pure network meeting",
        default=True,
        help_text="You knew of no open position there.",
    )
    goals = models.TextField(blank=True)
    research_notes = models.TextField(blank=True)
    why_organization = models.TextField("why this organization", blank=True)
    is_private = models.BooleanField(
        "private",
        default=False,
        db_default=False,  # rows written column by column (fast_insert) get it too
        help_text="Hidden from the coaches and partners you share your search with.",
    )
    resume = models.ForeignKey(
        ResumeVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name="resume version to bring",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["owner", "at"], name="meeting_owner_at"),
            # Meetings held in a span, and with whom, from the index alone (insights).
            models.Index(
                fields=["owner", "status", "at", "person"], name="meeting_owner_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.person} on {day(self.at)}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def has_begun(self) -> bool:
        """Only a meeting that has begun has an outcome to log."""
        return self.at <= timezone.now()


class MeetingQuestion(models.Model):
    """A question picked for one meeting, in the order the seeker will ask it."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL
    )
    # Copied, so editing the bank later does not rewrite what was asked.
    text = models.CharField(max_length=400)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Outcome(models.Model):
    """What a meeting gave: notes, feedback, information and how it felt."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="outcome"
    )
    notes = models.TextField(blank=True)
    resume_feedback = models.TextField("feedback on my resume", blank=True)
    learned_company = models.TextField("about the company", blank=True)
    learned_field = models.TextField("about the field", blank=True)
    learned_work = models.TextField("about the type of work", blank=True)
    felt = models.PositiveSmallIntegerField(
        "how it felt (1-5)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    logged_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Outcome of {self.meeting}"

    @property
    def gave_information(self) -> bool:
        return bool(self.learned_company or self.learned_field or self.learned_work)


class CareerPath(models.Model):
    """An option to explore, e.g. "UX research in health care"."""

    class Status(models.TextChoices):
        IDEA = "idea", "Idea"
        EXPLORING = "exploring", "Exploring"
        PURSUING = "pursuing", "Pursuing"
        SET_ASIDE = "set_aside", "Set aside"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IDEA
    )
    next_step = models.CharField(max_length=300, blank=True)
    people = models.ManyToManyField(
        "people.Person", blank=True, related_name="career_paths"
    )
    meetings = models.ManyToManyField(Meeting, blank=True, related_name="career_paths")
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:path_detail", args=[self.pk])


class JobLead(models.Model):
    """An open or coming position heard of through the network."""

    class Status(models.TextChoices):
        HEARD_OF = "heard_of", "Heard of"
        APPLIED = "applied", "Applied"
        INTERVIEWING = "interviewing", "Interviewing"
        OFFER = "offer", "Offer"
        CLOSED = "closed", "Closed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(max_length=200)
    organization = models.ForeignKey(
        "people.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_leads",
    )
    link = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.HEARD_OF
    )
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_leads",
        verbose_name="came through",
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_leads",
    )
    heard_on = models.DateField(validators=[check_date])
    notes = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-heard_on", "-id"]

    def __str__(self) -> str:
        where = f" @ {self.organization}" if self.organization else ""
        return f"{self.role}{where}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:lead_edit", args=[self.pk])
