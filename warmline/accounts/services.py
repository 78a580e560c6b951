"""Creating accounts, and the local owner that single-user mode signs in."""

from __future__ import annotations

import getpass
import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from warmline.accounts.models import User

USERNAME_RE = re.compile(r"^[\w.@+-]{1,150}$")


def create_user(
    username: str,
    *,
    email: str = "",
    password: str | None = None,
    superuser: bool = False,
) -> User:
    """Create an account; a missing password leaves it usable only in local mode."""
    if not USERNAME_RE.match(username):
        raise ValidationError(
            f"{username!r} is not a valid username: use letters, digits and @/./+/-/_."
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"A user named {username!r} already exists.")
    user = User(
        username=username, email=email, is_staff=superuser, is_superuser=superuser
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def local_owner_name() -> str:
    """The operating-system user name, cleaned to a valid username."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    cleaned = re.sub(r"[^\w.@+-]", "", name)[:150]
    return cleaned or "owner"


@transaction.atomic
def ensure_local_owner() -> User | None:
    """Create the local owner on an empty database; return the only user, if one."""
    if not User.objects.exists():
        return create_user(local_owner_name())
    users = list(User.objects.filter(is_active=True)[:2])
    return users[0] if len(users) == 1 else None
