"""Regenerating the journal feed's secret address."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from warmline.accounts import services as accounts
from warmline.accounts.http import AuthedRequest


@require_POST
def feed_regenerate(request: AuthedRequest) -> HttpResponse:
    accounts.regenerate_journal_token(request.user)
    messages.success(request, "New feed address: the old one no longer works.")
    return redirect("journal:list")
