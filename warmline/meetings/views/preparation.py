"""Preparation: a meeting's question list, the question bank, resumes, the profile."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.core.parsing import whole_number
from warmline.core.verbs import verb_view
from warmline.meetings import resumes, services
from warmline.meetings.access import (
    get_meeting_for_user,
    get_meeting_question_for_user,
    get_question_for_user,
    get_resume_for_user,
)
from warmline.meetings.forms import QuestionForm, ResumeForm
from warmline.meetings.models import MeetingQuestion, Question, ResumeVersion


@require_POST
def questions_pick(request: AuthedRequest, pk: int) -> HttpResponse:
    """Add the ticked bank questions to a meeting's list; those there stay."""
    meeting = get_meeting_for_user(request.user, pk)
    ids = [whole_number(raw, low=1) for raw in request.POST.getlist("question")]
    keep = [
        mq.question
        for mq in meeting.questions.select_related("question")
        if mq.question
    ]
    picked = list(
        Question.objects.filter(owner=request.user, pk__in=[i for i in ids if i])
    )
    services.set_questions(meeting, [*keep, *picked])
    return redirect(meeting.get_absolute_url() + "#questions")


def _question_verb(
    act: Callable[[MeetingQuestion], None],
) -> Callable[[HttpRequest, int], HttpResponse]:
    """Do one thing to a question on one of the user's meetings, then show them."""
    return verb_view(
        get_meeting_question_for_user,
        lambda request, item: act(item),
        lambda request, item: item.meeting.get_absolute_url() + "#questions",
    )


question_up = _question_verb(lambda item: services.move_question(item, -1))
question_down = _question_verb(lambda item: services.move_question(item, 1))
question_remove = _question_verb(services.remove_question)


@require_http_methods(["GET", "POST"])
def question_bank(request: AuthedRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_question(request.user, **form.cleaned_data)
        messages.success(request, "Added the question to your bank.")
        return redirect("meetings:question_bank")
    questions = Question.objects.filter(owner=request.user).order_by(
        "category", "position"
    )
    return render(
        request, "meetings/question_bank.html", {"form": form, "questions": questions}
    )


@require_http_methods(["GET", "POST"])
def question_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        services.update_question(question, **form.cleaned_data)
        return redirect("meetings:question_bank")
    return render(
        request, "meetings/question_form.html", {"form": form, "question": question}
    )


@require_POST
def question_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    services.delete_question(question)
    messages.success(request, "Removed the question from your bank.")
    return redirect("meetings:question_bank")


@require_http_methods(["GET", "POST"])
def resume_list(request: AuthedRequest) -> HttpResponse:
    form = ResumeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        resume = resumes.add_resume(
            request.user,
            form.cleaned_data["file"],
            form.cleaned_data["label"],
            form.cleaned_data["dated"],
        )
        messages.success(request, f"Kept {resume.label}.")
        return redirect("meetings:resume_list")
    versions = ResumeVersion.objects.filter(owner=request.user)
    return render(
        request, "meetings/resume_list.html", {"form": form, "versions": versions}
    )


def resume_download(request: AuthedRequest, pk: int) -> FileResponse:
    resume = get_resume_for_user(request.user, pk)
    if not resume.file:  # imported from a JSON export, which carries no files
        raise Http404("This version's file was not imported; upload it again.")
    return FileResponse(
        resume.file.open("rb"), as_attachment=True, filename=resume.original_name
    )


@require_POST
def resume_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    resume = get_resume_for_user(request.user, pk)
    resumes.delete_resume(resume)
    messages.success(request, f"Deleted {resume.label}.")
    return redirect("meetings:resume_list")
