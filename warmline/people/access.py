"""Ownership: a user's people, organizations and introductions (accounts/access.py)."""

from __future__ import annotations

from warmline.accounts.access import owned
from warmline.accounts.models import User
from warmline.people.models import Introduction, Organization, Person


def get_person_for_user(user: User, pk: int) -> Person:
    return owned(
        Person.objects.select_related("organization"), user, pk, area="network"
    )


def get_organization_for_user(user: User, pk: int) -> Organization:
    return owned(Organization, user, pk, area="network")


def get_introduction_for_user(user: User, pk: int) -> Introduction:
    return owned(
        Introduction.objects.select_related("introducer", "person"),
        user,
        pk,
        area="network",
    )
