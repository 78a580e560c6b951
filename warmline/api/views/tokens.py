"""The API tokens page under the profile: list, create (shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.api import services
from warmline.api.bookmarklet import SENT, bookmarklet
from warmline.api.forms import TokenForm
from warmline.api.models import Token


def _page(
    request: AuthedRequest, form: TokenForm, secret: str = "", status: int = 200
) -> HttpResponse:
    endpoint = request.build_absolute_uri(reverse("api:people_from_profile"))
    context = {
        "form": form,
        "tokens": services.tokens_for(request.user),
        "secret": secret,
        "bookmarklet": bookmarklet(endpoint, secret) if secret else "",
        "endpoint": endpoint,
        "sent": SENT,
    }
    return render(request, "api/tokens.html", context, status=status)


def token_list(request: AuthedRequest) -> HttpResponse:
    return _page(request, TokenForm())


@require_POST
def token_create(request: AuthedRequest) -> HttpResponse:
    """Make a token and show its secret on this one page, never again."""
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        secret = services.create_token(
            request.user, form.cleaned_data["name"], form.cleaned_data["scope"]
        )
    except ValidationError as error:
        form.add_error("name", " ".join(error.messages))
        return _page(request, form, status=400)
    return _page(request, TokenForm(), secret=secret)


@require_POST
def token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(Token, owner=request.user, pk=pk)
    services.revoke_token(request.user, token.name)
    messages.success(request, f"Revoked {token.name}: it no longer works.")
    return redirect("tokens:list")
