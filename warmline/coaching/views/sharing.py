"""/sharing/: who reads the seeker's search, inviting, accepting and revoking."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts import sharing
from warmline.accounts.access import SHOWS
from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import Invitation, Role, Share


def _page(request: AuthedRequest, **extra: object) -> HttpResponse:
    user = request.user
    return render(
        request,
        "coaching/sharing.html",
        {
            "given": sharing.given(user),
            "received": sharing.received(user),
            "invitations": sharing.open_invitations(user),
            "roles": [(role, SHOWS[role]) for role in Role],
            "days": sharing.INVITATION_DAYS,
            **extra,
        },
    )


def sharing_page(request: AuthedRequest) -> HttpResponse:
    return _page(request)


@require_POST
def invite(request: AuthedRequest) -> HttpResponse:
    try:
        invitation, code = sharing.invite(request.user, request.POST.get("role", ""))
    except sharing.SharingError as error:
        messages.error(request, str(error))
        return redirect("coaching:sharing")
    link = request.build_absolute_uri(reverse("coaching:accept", args=[code]))
    # Shown this once: only the code's hash is kept.
    return _page(request, new_code=code, new_link=link, new_invitation=invitation)


@require_POST
def cancel_invitation(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, owner=request.user, pk=pk)
    sharing.cancel_invitation(invitation)
    messages.success(request, "The invitation no longer works.")
    return redirect("coaching:sharing")


@require_POST
def revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    share = get_object_or_404(
        Share.objects.select_related("viewer"), owner=request.user, pk=pk
    )
    sharing.revoke(share)
    name = sharing.display_name(share.viewer)
    messages.success(request, f"{name} no longer sees your search.")
    return redirect("coaching:sharing")


@require_POST
def leave(request: AuthedRequest, pk: int) -> HttpResponse:
    share = get_object_or_404(
        Share.objects.select_related("owner"), viewer=request.user, pk=pk
    )
    sharing.revoke(share)
    name = sharing.display_name(share.owner)
    messages.success(request, f"You no longer follow {name}'s search.")
    return redirect("coaching:sharing")


@require_http_methods(["GET", "POST"])
def accept(request: AuthedRequest, code: str) -> HttpResponse:
    try:
        invitation = sharing.invitation_for(code)
        if request.method == "POST":
            share = sharing.accept(request.user, code)
            name = sharing.display_name(share.owner)
            messages.success(request, f"You now follow {name}'s search.")
            return redirect("coaching:dashboard")
    except sharing.SharingError as error:
        return render(
            request, "coaching/accept.html", {"error": str(error)}, status=404
        )
    return render(
        request,
        "coaching/accept.html",
        {
            "invitation": invitation,
            "owner_name": sharing.display_name(invitation.owner),
            "shows": SHOWS[invitation.role],
            "own": invitation.owner_id == request.user.pk,
        },
    )
