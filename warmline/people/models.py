from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from warmline.core.fields import max_length
from warmline.core.ranges import check_date
from warmline.people.matching import organization_key
from warmline.people.names import split_name
from warmline.people.search import fold


class Source(models.TextChoices):
    MANUAL = "manual", "Added by hand"
    DEMO = "demo", "Demo network"
    LINKEDIN = "linkedin", "LinkedIn import"
    GOOGLE = "google", "Google Contacts import"
    VCARD = "vcard", "vCard import"
    CSV = "csv", "CSV import"
    CLI = "cli", "Command line"
    MEETING = "meeting", "Named in a meeting"


class Responsiveness(models.TextChoices):
    """How quickly someone answered outreach (set when an outreach ends; cadence.py)."""

    BOOSTER = "booster", "Booster"
    OBLIGATE = "obligate", "Obligate"
    CURMUDGEON = "curmudgeon", "Curmudgeon"


class Organization(models.Model):
    """A company, school or other body where people in the network work."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    # Case- and suffix-insensitive: "Acme, Inc." and "ACME Inc" are one organization.
    name_key = models.CharField(max_length=200, editable=False)
    # The name as search compares it (people/search.py), kept by save().
    folded_name = models.CharField(max_length=200, editable=False, default="")
    website = models.URLField(blank=True)
    industry = models.CharField(max_length=120, blank=True)
    is_target = models.BooleanField("target organization", default=False)
    # How much the seeker wants to work there (0-3) and how many postings it has (1-3).
    motivation = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    postings = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    notes = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name_key"], name="unique_organization_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = self.key_for(self.name)
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("people:organization_detail", args=[self.pk])

    @classmethod
    def key_for(cls, name: str) -> str:
        """The key an organization is matched by, cut as its column is (casefolding
        can lengthen a name: ß is ss)."""
        return organization_key(name)[: max_length(cls, "name_key")]


class Tag(models.Model):
    """A label the seeker puts on people: "fan", "alumni", "health care"."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=60)
    keep_in_touch_days = models.PositiveSmallIntegerField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), "owner", name="unique_tag_per_owner")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def clean_name(cls, value: str) -> str:
        """A tag name as it is both looked up and stored: one line, cut to fit, so a
        lookup never misses the tag a longer spelling created."""
        most = max_length(cls, "name")
        return " ".join(value.replace("\x00", "").split())[:most].rstrip()


# Kept by services from other rows (degrees.py, fans.py, outreach.services.touch).
DERIVED_FIELDS = frozenset(
    {"degree", "chain", "joined_on", "first_helped_on", "last_interaction_at"}
)


class Person(models.Model):
    """Someone in the seeker's network (a contact), never a user account."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    # The parts of the name, when a source gives them (LinkedIn, Google, a vCard) or
    # the user writes them; else address books get them from people/names.py.
    given_name = models.CharField(
        "given name", max_length=100, blank=True, db_default=""
    )
    family_name = models.CharField(
        "family name", max_length=100, blank=True, db_default=""
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    title = models.CharField(max_length=200, blank=True)
    # Name and title as search compares them (people/search.py), kept by save().
    folded_name = models.CharField(max_length=200, editable=False, default="")
    folded_title = models.CharField(max_length=200, editable=False, default="")
    location = models.CharField(max_length=200, blank=True)
    linkedin_url = models.URLField("LinkedIn URL", max_length=300, blank=True)
    notes = models.TextField(blank=True)
    how_we_met = models.CharField(max_length=300, blank=True)
    is_main_contact = models.BooleanField(
        "main contact",
        default=False,
        help_text="Someone you know directly: a friend, former colleague, family.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    is_private = models.BooleanField(
        "private",
        default=False,
        db_default=False,  # rows written column by column (fast_insert) get it too
        help_text="Hidden from the coaches and partners you share your search with.",
    )
    source = models.CharField(
        max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    connected_on = models.DateField(null=True, blank=True, validators=[check_date])
    # A fan has helped (a referral, a lead, feedback, information); None derives it
    # from what they gave, True or False is the seeker marking or unmarking them.
    fan_override = models.BooleanField(null=True, blank=True)
    # How quickly they answered outreach (set when an outreach ends; see cadence.py).
    responsiveness = models.CharField(
        max_length=20, blank=True, choices=Responsiveness.choices
    )
    keep_in_touch_days = models.PositiveSmallIntegerField(
        "keep in touch every (days)",
        null=True,
        blank=True,
        help_text="Empty: from their tags, or every 30 days for fans.",
    )
    last_interaction_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)
    # Derived from main contacts and introductions by degrees.recompute_degrees():
    # 1 for a main contact, d+1 when introduced by someone of degree d, null when no
    # chain reaches a main contact. `chain` holds the person ids of one shortest chain,
    # from the main contact to this person.
    degree = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    chain = models.JSONField(default=list, blank=True, editable=False)
    # Also derived, so insights count them with an index: the day they joined the
    # network and the day they first helped (see people/dates.py, refresh_dates()).
    joined_on = models.DateField(null=True, blank=True, editable=False)
    first_helped_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("name"), "id"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["owner", "degree"], name="person_owner_degree"),
            models.Index(Lower("name"), "owner", name="person_owner_name"),
            # The demo banner on every page, and hand-marked fans, without a scan.
            models.Index(fields=["owner", "is_demo"], name="person_owner_demo"),
            models.Index(fields=["owner", "fan_override"], name="person_owner_fan"),
            # Growth by degree and new fans, counted from the index alone.
            models.Index(
                fields=["owner", "joined_on", "degree"], name="person_owner_joined"
            ),
            models.Index(
                fields=["owner", "first_helped_on", "fan_override"],
                name="person_owner_helped",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.folded_name, self.folded_title = fold(self.name), fold(self.title)
        # Derived fields are written only by what computes them (in bulk, by id), so
        # saving an older copy of a person never puts back a stale degree or date.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in DERIVED_FIELDS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("home:person", args=[self.pk])

    @property
    def name_parts(self) -> tuple[str, str]:
        """(given, family): as given, else split from the full name."""
        if self.given_name or self.family_name:
            return self.given_name, self.family_name
        return split_name(self.name)

    @property
    def first_name(self) -> str:
        """What a note starts with ("Hi Sarah"): the given name, not a title."""
        given = self.name_parts[0]
        return given.split()[0] if given.split() else self.name

    @property
    def introducer_id(self) -> int | None:
        """The person who introduced this one on the shortest chain, if any."""
        return self.chain[-2] if len(self.chain) >= 2 else None


class EmailAddress(models.Model):
    """One of a person's email addresses, with an optional label (work, home)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="emails")
    address = models.EmailField(max_length=254)
    label = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(Lower("address"), name="email_address_lower")]

    def __str__(self) -> str:
        return self.address


class PhoneNumber(models.Model):
    """One of a person's phone numbers, kept in E.164 form (+15551234567)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=40)
    label = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["number"], name="phone_number")]

    def __str__(self) -> str:
        return self.number


class Introduction(models.Model):
    """`introducer` introduced the seeker to `person` (A referred B)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    introducer = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="introductions_made"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="introductions_received"
    )
    introduced_on = models.DateField(
        default=timezone.localdate, validators=[check_date]
    )
    note = models.CharField(max_length=300, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introductions",
        help_text="The meeting where the name was given.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["introduced_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["introducer", "person"], name="unique_introduction"
            ),
            models.CheckConstraint(
                condition=~models.Q(introducer=models.F("person")),
                name="introduction_not_self",
            ),
        ]
        # Names gathered in meetings, by day (insights), from the index alone.
        indexes = [
            models.Index(
                fields=["owner", "introduced_on", "meeting"],
                name="introduction_owner_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.introducer} introduced {self.person}"
