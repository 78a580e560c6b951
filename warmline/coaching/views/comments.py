"""Comments on a weekly report: a coach or partner writes, the seeker replies,
each author edits or deletes their own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from warmline.accounts.http import AuthedRequest
from warmline.accounts.models import User
from warmline.coaching import services
from warmline.coaching.access import get_comment_for_author
from warmline.coaching.models import Comment
from warmline.core.parsing import whole_number
from warmline.insights import report


def report_url(viewer: User, seeker_pk: int, week: str) -> str:
    """Where a comment thread is read: the seeker's own report, or the shared one."""
    if viewer.pk == seeker_pk:
        return f"{reverse('insights:report')}?week={week}#comments"
    url = reverse("coaching:report", args=[seeker_pk])
    return f"{url}?week={week}#comments"


def _back(request: AuthedRequest, comment: Comment) -> HttpResponse:
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}):
        return redirect(wanted)
    week = report.week_name(comment.week)
    return redirect(report_url(request.user, comment.seeker_id, week))


@require_POST
def add(request: AuthedRequest) -> HttpResponse:
    seeker_pk = whole_number(request.POST.get("seeker", ""))
    seeker = User.objects.filter(pk=seeker_pk).first() if seeker_pk else None
    if seeker is None:
        raise Http404
    try:
        monday = report.parse_week(request.POST.get("week"))
        comment = services.add_comment(
            request.user, seeker, monday, request.POST.get("body", "")
        )
    except PermissionDenied:
        raise Http404 from None  # never confirm who exists
    except (ValueError, ValidationError) as error:
        text = " ".join(getattr(error, "messages", [str(error)]))
        messages.error(request, f"{text} Your comment was not saved.")
        # The form's required and maxlength keep a browser from getting here.
        return redirect(
            report_url(request.user, seeker.pk, request.POST.get("week", ""))
        )
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
    comment = get_comment_for_author(request.user, pk)
    services.delete_comment(comment)
    messages.success(request, "Comment deleted.")
    return _back(request, comment)


@require_POST
def seen(request: AuthedRequest) -> HttpResponse:
    services.mark_seen(request.user)
    return redirect("home:today")
