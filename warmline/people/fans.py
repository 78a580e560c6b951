"""Fans: people who helped (a referral, a lead, resume feedback, information).

Derived from what was logged: the day of each person's first help is stored on them
(Person.first_helped_on, kept by people.derived, which every writer that logs help
calls; what counts as help beyond a referral is registered with people.dates by the
apps that log it), so fans are counted and dated with an indexed query. The seeker
may mark or unmark someone (Person.fan_override), which wins. "True networkers" give
the most referrals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from warmline.accounts.models import User
from warmline.people.models import Introduction, Person

# A fan: marked by hand, or else someone who helped (the stored first-help date).
IS_FAN = Q(fan_override=True) | Q(
    fan_override__isnull=True, first_helped_on__isnull=False
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
    return people.annotate(
        referrals_given=Coalesce(Subquery(referrals, output_field=IntegerField()), 0),
        is_fan=Case(When(IS_FAN, then=Value(True)), default=Value(False)),
    )


def fans(owner: User) -> QuerySet[Person]:
    return Person.objects.filter(IS_FAN, owner=owner)


def new_fans(
    owner: User, since: dt.date | None, until: dt.date | None
) -> QuerySet[Person]:
    """Fans whose first help fell in [since, until]; with neither, every fan (those
    marked by hand with no help logged included)."""
    if since is None and until is None:
        return fans(owner)
    people = fans(owner).filter(first_helped_on__isnull=False)
    if since is not None:
        people = people.filter(first_helped_on__gte=since)
    if until is not None:
        people = people.filter(first_helped_on__lte=until)
    return people


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
