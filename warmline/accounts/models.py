from __future__ import annotations

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A Warmline account (a job seeker, later a coach); owns every row it creates."""
