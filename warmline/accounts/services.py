"""Accounts: creating them (and what every new account starts with), the local owner
that single-user mode signs in, and the seeker's own settings."""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from warmline.accounts.models import User, new_calendar_token
from warmline.core.zones import is_zone

# What a new account starts with (the question bank, message templates): the apps
# that own them register here from their AppConfig.ready(), so accounts never
# imports them. Created once, with the account: what the user deletes stays deleted.
ACCOUNT_STARTERS: list[Callable[[User], None]] = []


def register_account_starter(starter: Callable[[User], None]) -> None:
    if starter not in ACCOUNT_STARTERS:
        ACCOUNT_STARTERS.append(starter)


def start_account(user: User) -> None:
    """Give an account what every account starts with."""
    for starter in ACCOUNT_STARTERS:
        starter(user)


USERNAME_RE = re.compile(r"^[\w.@+-]{1,150}$")


@transaction.atomic
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
    _check_everyone_keeps_access(username, has_password=bool(password))
    user = User(
        username=username, email=email, is_staff=superuser, is_superuser=superuser
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()  # start_account runs from the post_save signal (accounts/apps.py)
    return user


def without_password() -> QuerySet[User]:
    """Active accounts that cannot sign in with a password (Django marks an unusable
    one with a prefix): only local mode lets them in."""
    return User.objects.filter(
        is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
    )


def _check_everyone_keeps_access(username: str, *, has_password: bool) -> None:
    """Only a lone account signs in without a password (local mode); with two or
    more, everyone needs one. Refuse the account that would lock someone out."""
    if not User.objects.filter(is_active=True).exists():
        return
    if not has_password:
        raise ValidationError(
            f"{username} needs a password: with more than one account, everyone "
            "signs in with one.",
            code="new_user_needs_password",
        )
    if stranded := list(without_password().values_list("username", flat=True)[:1]):
        raise ValidationError(
            f"{stranded[0]} has no password and signs in only while they are the "
            "only user: a second account would lock them out.",
            code="owner_needs_password",
            params={"username": stranded[0]},
        )


def set_password(user: User, password: str) -> None:
    """Give an account a new password (checked by the password validators)."""
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def local_owner_name() -> str:
    """The operating-system user name, cleaned to a valid username."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    cleaned = re.sub(r"[^\w.@+-]", "", name)[:150]
    return cleaned or "owner"


def ensure_local_owner() -> User | None:
    """Create the local owner on an empty database; return the only user, if one.

    Only creating one takes a transaction (on SQLite, the write lock): every
    command asks, and one that only reads, like a preview, must not wait for it."""
    if not User.objects.exists():
        with transaction.atomic():
            if not User.objects.exists():
                return create_user(local_owner_name())
    users = list(User.objects.filter(is_active=True)[:2])
    return users[0] if len(users) == 1 else None


def update_profile(user: User, **fields: Any) -> User:
    """Save the seeker's own settings (profile fields, weekly goals)."""
    allowed = {"first_name", "last_name", "two_minute_story", "why_this_field"}
    allowed |= {"goal_calls", "goal_meetings", "goal_names", "time_zone"}
    allowed |= {"report_email", "feed_has_reports"}
    if unknown := set(fields) - allowed:
        raise TypeError(f"Unknown profile fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password", "username", "calendar_token", "journal_token"])
    user.save(update_fields=list(fields))
    return user


def adopt_browser_zone(user: User, name: str) -> bool:
    """At sign-in, take the browser's zone if the user has not chosen one yet."""
    if user.time_zone or not is_zone(name):
        return False
    user.time_zone = name
    user.save(update_fields=["time_zone"])
    return True


def regenerate_calendar_token(user: User) -> str:
    """A new secret address for the calendar feed; the old one stops working."""
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
    return user.calendar_token


def regenerate_journal_token(user: User) -> str:
    """A new secret address for the journal's feed; the old one stops working."""
    user.journal_token = new_calendar_token()
    user.save(update_fields=["journal_token"])
    return user.journal_token
