"""The network as graph data for Cytoscape: me, main contacts, introductions."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from warmline.accounts.models import User
from warmline.core.parsing import whole_number
from warmline.meetings.models import JobLead
from warmline.people.fans import with_fan_status
from warmline.people.models import Introduction, Person
from warmline.people.search import fold

MAX_NODES = 600  # beyond this a browser's layout gets slow: the nearest are shown


def graph(
    owner: User, *, degree: str = "", tag: str = "", organization: str = ""
) -> dict[str, Any]:
    people: QuerySet[Person] = with_fan_status(
        Person.objects.filter(owner=owner)
    ).annotate(has_lead=Exists(JobLead.objects.filter(person=OuterRef("pk"))))
    if (most := whole_number(degree)) is not None:
        people = people.filter(degree__lte=most)
    if tag:
        people = people.filter(tags__name__iexact=tag)
    if organization:
        people = people.filter(organization__folded_name__contains=fold(organization))
    total = people.count()
    rows = list(
        people.order_by("degree", "pk").values(  # type: ignore[misc]  # annotated
            "pk", "name", "degree", "is_main_contact", "is_fan", "has_lead"
        )[:MAX_NODES]
    )
    ids = {r["pk"] for r in rows}
    url = reverse("home:person", args=[0])[:-2]
    nodes: list[dict[str, Any]] = [{"data": {"id": "me", "label": "Me", "kind": "me"}}]
    nodes += [
        {
            "data": {
                "id": str(r["pk"]),
                "label": r["name"],
                "degree": r["degree"] or 0,
                "fan": r["is_fan"],
                "lead": r["has_lead"],
                "url": f"{url}{r['pk']}/",
                "kind": "person",
            }
        }
        for r in rows
    ]
    edges = [
        {"data": {"id": f"m{r['pk']}", "source": "me", "target": str(r["pk"])}}
        for r in rows
        if r["is_main_contact"]
    ]
    for introducer, person in Introduction.objects.filter(owner=owner).values_list(
        "introducer_id", "person_id"
    ):
        if introducer in ids and person in ids:
            edges.append(
                {
                    "data": {
                        "id": f"i{introducer}-{person}",
                        "source": str(introducer),
                        "target": str(person),
                    }
                }
            )
    return {
        "elements": nodes + edges,
        "shown": len(rows),
        "total": total,
        "limited": total > len(rows),
    }
