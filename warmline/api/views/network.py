"""Organizations, targets, introductions and tags."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Router, Status

from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import (
    Id,
    IntroductionIn,
    IntroductionOut,
    OrganizationIn,
    OrganizationOut,
    OrganizationPatch,
    TagOut,
    TargetIn,
    TargetOut,
    Text,
)
from warmline.insights.targets import targets
from warmline.people import queries, services
from warmline.people.access import (
    get_introduction_for_user,
    get_organization_for_user,
    get_person_for_user,
)
from warmline.people.models import Introduction, Organization, Tag

router = Router()


def _introduction(i: Introduction) -> dict[str, Any]:
    return {
        "id": i.pk,
        "introducer_id": i.introducer_id,
        "introducer": i.introducer.name,
        "person_id": i.person_id,
        "person": i.person.name,
        "introduced_on": i.introduced_on,
        "note": i.note,
    }


@router.get(
    "/organizations", response=answers(list[OrganizationOut]), tags=["organizations"]
)
def list_organizations(request: HttpRequest, search: Text = "") -> Any:
    return queries.organizations_for(owner(request), search)


@router.get(
    "/organizations/{organization_id}",
    response=answers(OrganizationOut),
    tags=["organizations"],
)
def get_organization(request: HttpRequest, organization_id: Id) -> Organization:
    return get_organization_for_user(owner(request), organization_id)


@router.post(
    "/organizations", response=answers(OrganizationOut, 201), tags=["organizations"]
)
def add_organization(
    request: HttpRequest, data: OrganizationIn
) -> Status[Organization]:
    organization = Organization(**data.dict())
    return Status(201, services.save_organization(organization, owner=owner(request)))


@router.patch(
    "/organizations/{organization_id}",
    response=answers(OrganizationOut),
    tags=["organizations"],
)
def change_organization(
    request: HttpRequest, organization_id: Id, data: OrganizationPatch
) -> Organization:
    organization = get_organization_for_user(owner(request), organization_id)
    for name, value in data.dict(exclude_unset=True, exclude_none=True).items():
        setattr(organization, name, value)
    return services.save_organization(organization)


@router.delete(
    "/organizations/{organization_id}",
    response=answers(None, 204),
    tags=["organizations"],
)
def remove_organization(request: HttpRequest, organization_id: Id) -> Status[None]:
    """Remove an organization; its people stay, with no organization."""
    services.delete_organization(
        get_organization_for_user(owner(request), organization_id)
    )
    return Status(204, None)


@router.get("/targets", response=answers(list[TargetOut]), tags=["targets"])
def list_targets(request: HttpRequest) -> list[dict[str, Any]]:
    """Target organizations, most wanted first, with the warmest path in."""
    return [
        {**t.as_dict(), "organization_id": t.organization.pk}
        for t in targets(owner(request))
    ]


@router.post("/targets", response=answers(OrganizationOut, 201), tags=["targets"])
def add_target(request: HttpRequest, data: TargetIn) -> Status[Organization]:
    """Make an organization (found by name, or added) a target."""
    return Status(
        201,
        services.mark_target(
            owner(request),
            data.organization,
            motivation=data.motivation,
            postings=data.postings,
        ),
    )


@router.delete(
    "/targets/{organization_id}", response=answers(None, 204), tags=["targets"]
)
def remove_target(request: HttpRequest, organization_id: Id) -> Status[None]:
    services.unmark_target(get_organization_for_user(owner(request), organization_id))
    return Status(204, None)


@router.get(
    "/introductions", response=answers(list[IntroductionOut]), tags=["introductions"]
)
def list_introductions(request: HttpRequest) -> list[dict[str, Any]]:
    found = Introduction.objects.filter(owner=owner(request)).select_related(
        "introducer", "person"
    )
    return [_introduction(i) for i in found]


@router.post(
    "/introductions", response=answers(IntroductionOut, 201), tags=["introductions"]
)
def add_introduction(
    request: HttpRequest, data: IntroductionIn
) -> Status[dict[str, Any]]:
    """Record who introduced whom; one that would close a circle is a 409."""
    user = owner(request)
    introduction = services.add_introduction(
        get_person_for_user(user, data.introducer_id),
        get_person_for_user(user, data.person_id),
        introduced_on=data.introduced_on,
        note=data.note,
    )
    return Status(201, _introduction(introduction))


@router.delete(
    "/introductions/{introduction_id}",
    response=answers(None, 204),
    tags=["introductions"],
)
def remove_introduction(request: HttpRequest, introduction_id: Id) -> Status[None]:
    introduction = get_introduction_for_user(owner(request), introduction_id)
    services.remove_introduction(introduction)
    return Status(204, None)


@router.get("/tags", response=answers(list[TagOut]), tags=["tags"])
def list_tags(request: HttpRequest) -> Any:
    """Your tags and how many people carry each (set them on a person)."""
    found = Tag.objects.filter(owner=owner(request)).annotate(
        people_count=Count("people")
    )
    return [{"name": t.name, "people": t.people_count} for t in found]  # type: ignore[attr-defined]
