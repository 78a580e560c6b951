from __future__ import annotations

from django.conf import settings
from django.db import models


class DistinctPair(models.Model):
    """Two people the user said are not the same, so they are not suggested again."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    first = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+"
    )
    second = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["first", "second"], name="unique_distinct_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first} is not {self.second}"
