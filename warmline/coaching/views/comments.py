"""Comments on a weekly report or a shared journal entry: a coach or partner
writes, the seeker replies, each author edits or deletes their own."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import User
from warmline.coaching import services
from warmline.coaching.access import get_comment_for_author, get_comment_to_delete
from warmline.coaching.models import Comment
from warmline.coaching.notify import thread_path
from warmline.core.parsing import whole_number
from warmline.insights import report
from warmline.journal.models import JournalEntry


def _back(request: AuthedRequest, comment: Comment) -> HttpResponse:
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}):
        return redirect(wanted)
    path = thread_path(comment, for_seeker=request.user.pk == comment.seeker_id)
    return redirect(path + "#comments")


def _thread(request: AuthedRequest) -> Callable[[str], Comment]:
    """What the form comments on, an entry or a seeker's week: a function that adds
    the comment (PermissionDenied where the author may not)."""
    if entry_pk := whole_number(request.POST.get("entry", "")):
        entry = JournalEntry.objects.select_related("owner").filter(pk=entry_pk).first()
        if entry is None:
            raise Http404
        return lambda body: services.add_entry_comment(request.user, entry, body)
    seeker_pk = whole_number(request.POST.get("seeker", ""))
    seeker = User.objects.filter(pk=seeker_pk).first() if seeker_pk else None
    if seeker is None:
        raise Http404
    monday = report.parse_week(request.POST.get("week"))
    return lambda body: services.add_comment(request.user, seeker, monday, body)


@require_POST
def add(request: AuthedRequest) -> HttpResponse:
    try:
        comment = _thread(request)(request.POST.get("body", ""))
    except PermissionDenied:
        raise Http404 from None  # never confirm what exists
    except (ValueError, ValidationError) as error:
        text = " ".join(getattr(error, "messages", [str(error)]))
        # The form's required and maxlength keep a browser from getting here.
        messages.error(request, f"{text} Your comment was not saved.")
        came_from = request.META.get("HTTP_REFERER", "")
        if url_has_allowed_host_and_scheme(came_from, {request.get_host()}):
            return redirect(came_from)
        return redirect("home:today")
    messages.success(request, "Comment added.")
    return _back(request, comment)


@require_POST
def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = get_comment_for_author(request.user, pk)
    try:
        services.edit_comment(comment, request.POST.get("body", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages) + " Nothing was changed.")
    else:
        messages.success(request, "Comment saved.")
    return _back(request, comment)


@require_POST
def delete(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = get_comment_to_delete(request.user, pk)
    services.delete_comment(comment)
    messages.success(request, "Comment deleted.")
    return _back(request, comment)


@require_POST
def seen(request: AuthedRequest) -> HttpResponse:
    services.mark_seen(request.user)
    return redirect("home:today")
