"""Reads for outreach: what to do today, who is losing touch, call lists in order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from typing_extensions import TypedDict  # pydantic (the API) reads it on 3.11

from warmline.accounts.models import User
from warmline.outreach.models import (
    ANSWERED,
    PENDING,
    Attempt,
    AttemptOutcome,
    CallList,
    CallListEntry,
    FollowUp,
    Outreach,
)
from warmline.people.fans import with_fan_status
from warmline.people.models import Introduction, Person, Responsiveness, Tag
from warmline.people.queries import PeopleFilter, search_people
from warmline.people.search import fold

RESPONSIVENESS_ORDER = Case(
    When(person__responsiveness=Responsiveness.BOOSTER, then=Value(0)),
    When(person__responsiveness="", then=Value(1)),
    When(person__responsiveness=Responsiveness.OBLIGATE, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def entries_in_order(call_list: CallList) -> QuerySet[CallListEntry]:
    """To call first: not done, boosters before the rest, then the list's own order."""
    return (
        call_list.entries.select_related("person", "person__organization")
        .annotate(responsive=RESPONSIVENESS_ORDER)
        .order_by(F("done_at").asc(nulls_first=True), "responsive", "position", "id")
    )


def lists_for(owner: User) -> QuerySet[CallList]:
    return CallList.objects.filter(owner=owner).annotate(
        total=Count("entries"),
        to_call=Count("entries", filter=Q(entries__done_at__isnull=True)),
    )


def losing_touch(
    owner: User, now: dt.datetime | None = None, limit: int = 10
) -> list[Person]:
    """People past their keep-in-touch interval, longest overdue first.

    The interval is the person's own, else the shortest of their tags', else, for a
    fan, FAN_KEEP_IN_TOUCH_DAYS; it runs from the last interaction (or from when
    they were added). Own and tag intervals vary and are few, so they are compared
    here; fans share one interval, so the database compares their dates first and
    only then applies the fan rule, to people already out of touch.
    """
    now = now or timezone.now()
    people = Person.objects.filter(owner=owner)
    tag_days = (
        Tag.objects.filter(people=OuterRef("pk"), keep_in_touch_days__isnull=False)
        .order_by("keep_in_touch_days")
        .values("keep_in_touch_days")[:1]
    )
    own = (
        people.annotate(days=Coalesce("keep_in_touch_days", tag_days))
        .filter(days__isnull=False)
        .values_list("pk", "days", "last_interaction_at", "created_at")
    )
    due: list[tuple[dt.datetime, int]] = []
    for pk, days, last, created in own:
        if (last or created) + dt.timedelta(days=days) <= now:
            due.append(((last or created) + dt.timedelta(days=days), pk))
    fan_days = dt.timedelta(days=settings.FAN_KEEP_IN_TOUCH_DAYS)
    quiet_fans = with_fan_status(
        people.filter(keep_in_touch_days__isnull=True)
        .exclude(
            Exists(
                Tag.objects.filter(
                    people=OuterRef("pk"), keep_in_touch_days__isnull=False
                )
            )
        )
        .annotate(since=Coalesce("last_interaction_at", "created_at"))
        .filter(since__lte=now - fan_days)
    ).filter(is_fan=True)  # type: ignore[misc]  # annotated
    for pk, since in quiet_fans.order_by("since").values_list("pk", "since")[:limit]:  # type: ignore[misc]  # annotated
        due.append((since + fan_days, pk))
    due.sort()
    chosen = [pk for _, pk in due[:limit]]
    found = (
        Person.objects.filter(pk__in=chosen).select_related("organization").in_bulk()
    )
    return [found[pk] for pk in chosen]


def ran_out(today: dt.date, via: str = "") -> Q:
    """Outreach still marked waiting whose 3B7 routine has run out by `today`: it is
    "no reply" whether or not `warmline tick` has written it down yet. `via` reaches
    the outreach from another model ("outreach__")."""
    return Q(
        **{f"{via}status": Outreach.Status.WAITING, f"{via}give_up_on__lte": today}
    )


def waiting_outreach(owner: User, today: dt.date | None = None) -> QuerySet[Outreach]:
    """Outreach still waiting for a reply: not answered, and not run out."""
    today = today or timezone.localdate()
    waiting = Outreach.objects.filter(owner=owner, status=Outreach.Status.WAITING)
    return waiting.exclude(ran_out(today))


def pending_follow_ups(owner: User, today: dt.date | None = None) -> QuerySet[FollowUp]:
    """Follow-ups still to do. Those of an outreach whose 3B7 routine has run out are
    left out, whether or not `warmline tick` has cancelled them yet."""
    today = today or timezone.localdate()
    pending = FollowUp.objects.filter(owner=owner, status__in=PENDING)
    return pending.exclude(ran_out(today, via="outreach__"))


def referrals_not_reached(owner: User) -> QuerySet[Person]:
    """People someone introduced whom the seeker has not tried to reach yet."""
    return Person.objects.filter(owner=owner).filter(
        Exists(Introduction.objects.filter(person=OuterRef("pk"))),
        ~Exists(Attempt.objects.filter(person=OuterRef("pk"))),
    )


def fans_not_contacted(
    owner: User, days: int = 30, now: dt.datetime | None = None
) -> QuerySet[Person]:
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    return with_fan_status(Person.objects.filter(owner=owner)).filter(
        Q(last_interaction_at__isnull=True) | Q(last_interaction_at__lt=cutoff),
        is_fan=True,
    )  # type: ignore[misc]


def session_summary(session: Any) -> dict[str, Any]:
    attempts = session.attempts.all()
    made = attempts.count()
    reached = attempts.filter(outcome__in=ANSWERED).count()
    booked = attempts.filter(outcome=AttemptOutcome.SCHEDULED).count()
    return {
        "made": made,
        "reached": reached,
        "booked": booked,
        "rate": round(100 * reached / made) if made else 0,
    }


# Who a call list can be filled with at once, by name (the web's "Who" and the CLI's
# --preset); at most LIST_FILL_LIMIT people: a list is for sittings, not the network.
LIST_PRESETS = {
    "referrals": "Referrals not yet reached",
    "fans": "Fans not contacted in 30 days",
    "losing_touch": "Losing touch",
}
LIST_FILL_LIMIT = 200


def people_to_list(
    owner: User,
    *,
    preset: str = "",
    tag: str = "",
    degree: str = "",
    organization: str = "",
) -> QuerySet[Person]:
    """The people a call list's filters pick, in the people list's order."""
    people = search_people(owner, PeopleFilter(tag=tag, degree=degree))
    if preset == "referrals":
        people = people.filter(pk__in=referrals_not_reached(owner).values("pk"))
    elif preset == "fans":
        people = people.filter(pk__in=fans_not_contacted(owner).values("pk"))
    elif preset == "losing_touch":
        people = people.filter(
            pk__in=[p.pk for p in losing_touch(owner, limit=LIST_FILL_LIMIT)]
        )
    if organization:
        people = people.filter(organization__folded_name__contains=fold(organization))
    return people


class FollowUpDict(TypedDict):
    """A follow-up as plain data: the CLI's --json and the API."""

    id: int
    person: str
    kind: str
    title: str
    due: str
    status: str


def follow_up_as_dict(f: FollowUp) -> FollowUpDict:
    return {
        "id": f.pk,
        "person": f.person.name,
        "kind": f.kind,
        "title": f.title,
        "due": f.due.isoformat(),
        "status": f.status,
    }
