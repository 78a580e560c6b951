"""What a model's field allows, read from the model: limits are never written twice."""

from __future__ import annotations

from django.db import models


def max_length(model: type[models.Model], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.max_length, (model, name)
    return field.max_length
