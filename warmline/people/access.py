"""Ownership: the one place that fetches a user's rows, 404 for anyone else's."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from warmline.accounts.models import User
from warmline.people.models import Introduction, Organization, Person


def get_person_for_user(user: User, pk: int) -> Person:
    return get_object_or_404(
        Person.objects.select_related("organization"), owner=user, pk=pk
    )


def get_organization_for_user(user: User, pk: int) -> Organization:
    return get_object_or_404(Organization, owner=user, pk=pk)


def get_introduction_for_user(user: User, pk: int) -> Introduction:
    return get_object_or_404(
        Introduction.objects.select_related("introducer", "person"), owner=user, pk=pk
    )
