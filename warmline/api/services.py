"""Creating, finding and revoking personal access tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.db.models.functions import Lower

from warmline.accounts.models import User
from warmline.api.models import Token
from warmline.core.fields import max_length

# What every secret starts with, so one found in a file or a log is recognisable.
SECRET_MARK = "wl_"
PREFIX_LENGTH = len(SECRET_MARK) + 6


def digest_of(secret: str) -> str:
    """The SHA-256 kept in place of the secret: 256 random bits need no slow hash."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(owner: User, name: str, scope: str = Token.Scope.READ) -> str:
    """Make a token and return its secret, which is never stored and never shown
    again."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "A token needs a name."})
    most = max_length(Token, "name")
    if len(name) > most:
        raise ValidationError(
            {"name": f"A token's name has at most {most} characters."}
        )
    if scope not in Token.Scope.values:
        raise ValidationError({"scope": "The scope is read or write."})
    if tokens_for(owner).filter(name__iexact=name).exists():
        raise ValidationError({"name": f"You already have a token named {name!r}."})
    secret = SECRET_MARK + secrets.token_urlsafe(32)
    Token.objects.create(
        owner=owner,
        name=name,
        scope=scope,
        prefix=secret[:PREFIX_LENGTH],
        digest=digest_of(secret),
    )
    return secret


def tokens_for(owner: User) -> QuerySet[Token]:
    return Token.objects.filter(owner=owner).order_by(Lower("name"))


def token_for_secret(secret: str) -> Token | None:
    """The token with this secret, with its owner, if it exists and they are active."""
    if not secret.startswith(SECRET_MARK):
        return None
    return (
        Token.objects.select_related("owner")
        .filter(digest=digest_of(secret), owner__is_active=True)
        .first()
    )


def revoke_token(owner: User, name: str) -> None:
    """Delete the owner's token of that name: it stops working at once."""
    token = tokens_for(owner).filter(name__iexact=" ".join(name.split())).first()
    if token is None:
        raise ValidationError({"name": f"You have no token named {name!r}."})
    token.delete()
