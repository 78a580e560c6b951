"""Fans: people who helped (a referral, a lead, resume feedback, information).

Derived from what was logged, so it is never stale; the seeker may mark or unmark
someone (Person.fan_override), which wins. "True networkers" give the most referrals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from warmline.accounts.models import User
from warmline.meetings.models import JobLead, Outcome
from warmline.people.models import Introduction, Person

INFORMATION = (
    Q(resume_feedback__gt="")
    | Q(learned_company__gt="")
    | Q(learned_field__gt="")
    | Q(learned_work__gt="")
)


def with_fan_status(people: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate `is_fan` and `referrals_given` on a queryset of people."""
    referrals = (
        Introduction.objects.filter(introducer=OuterRef("pk"))
        .order_by()
        .values("introducer")
        .annotate(n=Count("id"))
        .values("n")
    )
    helped = (
        Q(referrals_given__gt=0)
        | Exists(JobLead.objects.filter(person=OuterRef("pk")))
        | Exists(Outcome.objects.filter(INFORMATION, meeting__person=OuterRef("pk")))
    )
    return people.annotate(
        referrals_given=Coalesce(Subquery(referrals, output_field=IntegerField()), 0)
    ).annotate(
        is_fan=Case(
            When(fan_override__isnull=False, then=F("fan_override")),
            When(helped, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


@dataclass(frozen=True)
class FanStatus:
    is_fan: bool
    referrals_given: int


def fan_status(person: Person) -> FanStatus:
    row = (
        with_fan_status(Person.objects.filter(pk=person.pk))
        .values("is_fan", "referrals_given")  # type: ignore[misc]  # annotations
        .get()
    )
    return FanStatus(is_fan=row["is_fan"], referrals_given=row["referrals_given"])


def networker_rank(person: Person, referrals_given: int) -> tuple[int, int] | None:
    """(rank, out of) among the people who gave referrals; None if they gave none."""
    if referrals_given == 0:
        return None
    ranks = (
        Introduction.objects.filter(owner_id=person.owner_id)
        .values("introducer")
        .annotate(n=Count("id"))
        .aggregate(
            givers=Count("introducer"),
            above=Count("introducer", filter=Q(n__gt=referrals_given)),
        )
    )
    return ranks["above"] + 1, ranks["givers"]


def set_fan(person: Person, is_fan: bool) -> None:
    """Mark or unmark a fan; agreeing with what was logged clears the override."""
    person.fan_override = None
    person.save(update_fields=["fan_override"])
    derived = fan_status(person).is_fan
    person.fan_override = None if derived == is_fan else is_fan
    person.save(update_fields=["fan_override"])


def first_help(owner: User) -> dict[int, dt.date]:
    """Each helper's first help: a referral, a lead, or information in a meeting.

    The same rule as `with_fan_status`, as three grouped aggregates (one row per
    person who ever helped) for counting fans across a whole network, and dating them.
    """
    firsts: dict[int, dt.date] = {}

    tz = timezone.get_current_timezone()

    def merge(rows: Any) -> None:
        for pk, day in rows:
            if isinstance(day, dt.datetime):
                day = day.astimezone(tz).date()
            if pk is not None and (pk not in firsts or day < firsts[pk]):
                firsts[pk] = day

    merge(
        Introduction.objects.filter(owner=owner)
        .values("introducer")
        .annotate(d=Min("introduced_on"))
        .values_list("introducer", "d")
    )
    merge(
        JobLead.objects.filter(owner=owner, person__isnull=False)
        .values("person")
        .annotate(d=Min("heard_on"))
        .values_list("person", "d")
    )
    merge(
        Outcome.objects.filter(INFORMATION, meeting__owner=owner)
        .values("meeting__person")
        .annotate(d=Min("meeting__at"))
        .values_list("meeting__person", "d")
    )
    return firsts


def fan_dates(owner: User) -> dict[int, dt.date | None]:
    """Every fan with the day they became one (None: marked by hand, no help logged)."""
    firsts: dict[int, dt.date | None] = dict(first_help(owner))
    overrides = Person.objects.filter(owner=owner, fan_override__isnull=False)
    for pk, is_fan in overrides.values_list("pk", "fan_override"):
        if is_fan:
            firsts.setdefault(pk, None)
        else:
            firsts.pop(pk, None)
    return firsts
