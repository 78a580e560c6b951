"""Target organizations and the warmest path in: "do I know anyone here?"."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.functions import Lower

from warmline.accounts.models import User
from warmline.people.fans import with_fan_status
from warmline.people.models import Organization, Person, Responsiveness

MAX_INTRODUCTIONS = 3  # a path in is a main contact and at most 3 introductions


@dataclass
class Target:
    organization: Organization
    people: list[str] = field(default_factory=list)
    advocate: bool = False
    path: list[str] | None = None
    via_fan: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "organization": self.organization.name,
            "motivation": self.organization.motivation,
            "postings": self.organization.postings,
            "advocate": self.advocate,
            "people": self.people,
            "path": self.path,
        }


def targets(owner: User) -> list[Target]:
    """Target organizations, most wanted first, each with its warmest path in.

    The path is the shortest chain of introductions from a main contact to someone who
    works there, at most MAX_INTRODUCTIONS deep; among equally short ones, a fan inside
    wins, then someone who answers fast (a booster). Chains are the ones degrees keep,
    so this is one query for the organizations and one for their people.
    """
    organizations = list(
        Organization.objects.filter(owner=owner, is_target=True).order_by(
            "-motivation", "-postings", Lower("name")
        )
    )
    inside = (
        with_fan_status(Person.objects.filter(organization__in=organizations))  # type: ignore[misc]  # annotated
        .values(
            "organization_id", "name", "degree", "chain", "is_fan", "responsiveness"
        )
        .order_by(Lower("name"))
    )
    people_at: dict[int, list[dict]] = defaultdict(list)
    for row in inside:
        people_at[row["organization_id"]].append(row)
    chain_ids = {pk for rows in people_at.values() for r in rows for pk in r["chain"]}
    names = dict(Person.objects.filter(pk__in=chain_ids).values_list("pk", "name"))
    result = []
    for organization in organizations:
        rows = people_at[organization.pk]
        target = Target(
            organization,
            people=[r["name"] for r in rows],
            advocate=any(r["is_fan"] for r in rows),
        )
        reachable = [
            r for r in rows if r["degree"] and r["degree"] <= MAX_INTRODUCTIONS + 1
        ]
        if reachable:
            best = min(
                reachable,
                key=lambda r: (
                    r["degree"],
                    not r["is_fan"],
                    r["responsiveness"] != Responsiveness.BOOSTER,
                    r["name"],
                ),
            )
            target.path = [names.get(pk, "?") for pk in best["chain"]]
            target.via_fan = best["is_fan"]
        result.append(target)
    return result
