"""A synthetic network of any size, for query-count tests and benchmarks."""

from __future__ import annotations

from warmline.accounts.models import User
from warmline.people import derived
from warmline.people.models import EmailAddress, Introduction, Organization, Person, Tag


def build_network(owner: User, size: int, organizations: int = 10) -> list[Person]:
    """`size` people over a few organizations, all tagged "fan"; every fifth is a main
    contact and each other one was introduced by the one before: degrees run 1 to 5."""
    orgs = Organization.objects.bulk_create(
        Organization(owner=owner, name=f"Org {i}", name_key=f"org {i}")
        for i in range(organizations)
    )
    tag = Tag.objects.create(owner=owner, name="fan")
    people = Person.objects.bulk_create(
        (
            Person(
                owner=owner,
                name=f"Person {i:06}",
                organization=orgs[i % organizations],
                is_main_contact=(i % 5 == 0),
            )
            for i in range(size)
        ),
        batch_size=1000,
    )
    EmailAddress.objects.bulk_create(
        (EmailAddress(person=p, address=f"p{p.pk}@example.com") for p in people),
        batch_size=1000,
    )
    Person.tags.through.objects.bulk_create(
        (Person.tags.through(person_id=p.pk, tag_id=tag.pk) for p in people),
        batch_size=1000,
    )
    Introduction.objects.bulk_create(
        (
            Introduction(owner=owner, introducer=people[i - 1], person=people[i])
            for i in range(1, size)
            if i % 5
        ),
        batch_size=1000,
    )
    derived.network_changed(owner.pk)
    return people
