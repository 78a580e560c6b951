"""Factories for rows whose degrees do not matter (else services.create_person)."""

from __future__ import annotations

import factory

from warmline.accounts.tests.factories import UserFactory
from warmline.people.models import Organization, Person


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Organization {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    owner = factory.SubFactory(UserFactory)
    name = factory.Faker("name")
    title = factory.Faker("job")
