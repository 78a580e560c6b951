"""Saving a LinkedIn profile sent from the browser (POST /api/v1/people/from-profile).

The profile's URL says who it is: the person already holding that URL (however it is
spelt: exchange.import_plan.linkedin_key) is updated, else one is added. Sending the
same profile twice changes nothing the second time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.core.fields import max_length
from warmline.exchange.import_plan import linkedin_key
from warmline.people import services
from warmline.people.models import Person, Source

if TYPE_CHECKING:
    from warmline.api.schemas import ProfileIn


def profile_key(url: str) -> str:
    """The profile's key, or a ValidationError when it is not a LinkedIn profile."""
    parts = urlparse(url.strip())
    host = (parts.hostname or "").lower()
    on_linkedin = host == "linkedin.com" or host.endswith(".linkedin.com")
    if parts.scheme not in {"http", "https"} or not on_linkedin:
        raise ValidationError({"url": "This is not a linkedin.com address."})
    if not parts.path.strip("/"):
        raise ValidationError({"url": "This is LinkedIn, not a profile on it."})
    return linkedin_key(url)


def holder_of(owner: User, key: str) -> Person | None:
    """The owner's person with that profile, found through the URL's last part."""
    last = key.rsplit("/", 1)[-1]
    near = Person.objects.filter(owner=owner, linkedin_url__icontains=last)
    return next((p for p in near if linkedin_key(p.linkedin_url) == key), None)


def save_profile(owner: User, profile: ProfileIn) -> Person:
    key = profile_key(profile.url)
    title = profile.headline.strip()[: max_length(Person, "title")]
    fields: dict[str, Any] = {"title": title, "organization": profile.organization}
    person = holder_of(owner, key)
    if person is None:
        return services.create_person(
            owner,
            profile.name,
            linkedin_url=profile.url.strip(),
            source=Source.LINKEDIN,
            **fields,
        )
    return services.update_person(person, name=profile.name, **fields)
