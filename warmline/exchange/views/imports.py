"""Importing from the web: upload, (map columns,) preview what will happen, confirm."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from warmline.accounts.http import AuthedRequest
from warmline.exchange import uploads
from warmline.exchange.import_plan import LISTED_KINDS, PREVIEW_ROWS
from warmline.exchange.importers import LABELS, csv_generic, read
from warmline.exchange.importing import import_rows
from warmline.exchange.rows import ImportFileError, check_size, limits
from warmline.people.forms import PersonChoiceField
from warmline.people.models import Person, Tag


class UploadForm(forms.Form):
    kind = forms.ChoiceField(choices=list(LABELS.items()), label="What kind of file")
    file = forms.FileField()
    main = forms.BooleanField(
        required=False, label="They are people I know directly (main contacts)"
    )
    tag = forms.CharField(
        required=False,
        max_length=Tag._meta.get_field("name").max_length,
        help_text="Put this tag on everyone imported.",
    )
    introduced_by = PersonChoiceField(
        queryset=Person.objects.none(),
        required=False,
        help_text="Someone who gave you all these names.",
    )

    def __init__(self, *args: Any, owner_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["introduced_by"]
        assert isinstance(field, PersonChoiceField)
        field.limit_to(owner_id)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, upload.name)
        except ImportFileError as error:
            raise forms.ValidationError(f"{error} Nothing was imported.") from None
        return upload


def _options(pending: dict[str, Any], request: AuthedRequest) -> dict[str, Any]:
    introducer = None
    if pending.get("introduced_by"):
        introducer = Person.objects.filter(
            owner=request.user, pk=pending["introduced_by"]
        ).first()
    return {
        "source": pending["kind"],
        "main": pending["main"],
        "tag": pending["tag"],
        "introduced_by": introducer,
    }


@require_http_methods(["GET", "POST"])
def import_start(request: AuthedRequest) -> HttpResponse:
    form = UploadForm(
        request.POST or None, request.FILES or None, owner_id=request.user.pk
    )
    if request.method == "POST" and form.is_valid():
        _forget_pending(request)
        upload = form.cleaned_data["file"]
        pending = {
            "token": uploads.keep(request.user.pk, upload.chunks()),
            "name": upload.name,
            "kind": form.cleaned_data["kind"],
            "main": form.cleaned_data["main"],
            "tag": form.cleaned_data["tag"],
            "mapping": {},
            "introduced_by": getattr(form.cleaned_data["introduced_by"], "pk", None),
        }
        request.session["pending_import"] = pending
        return redirect(
            "exchange:import_map"
            if pending["kind"] == "csv"
            else "exchange:import_preview"
        )
    return _start_page(request, form)


@require_http_methods(["GET", "POST"])
def import_map(request: AuthedRequest) -> HttpResponse:
    pending = request.session.get("pending_import")
    data = uploads.read(request.user.pk, pending["token"]) if pending else None
    if not pending or data is None:
        return redirect("exchange:import_start")
    try:
        columns = csv_generic.headers(data, pending["name"])
    except ImportFileError as error:
        return _refuse(request, error)
    if request.method == "POST":
        pending["mapping"] = {
            f: request.POST[f]
            for f in csv_generic.FIELDS
            if request.POST.get(f) in columns
        }
        request.session["pending_import"] = pending
        return redirect("exchange:import_preview")
    guessed = csv_generic.guess(columns)
    return render(
        request,
        "exchange/import_map.html",
        {
            "fields": [
                (key, label, guessed.get(key))
                for key, label in csv_generic.FIELDS.items()
            ],
            "columns": columns,
            "name": pending["name"],
        },
    )


def import_preview(request: AuthedRequest) -> HttpResponse:
    pending = request.session.get("pending_import")
    data = uploads.read(request.user.pk, pending["token"]) if pending else None
    if not pending or data is None:
        return redirect("exchange:import_start")
    try:
        rows = read(pending["kind"], data, pending["name"], pending["mapping"])
    except ImportFileError as error:
        return _refuse(request, error)
    result = import_rows(request.user, rows, dry_run=True, **_options(pending, request))
    new_lines = {line for line, _, _ in result.preview}
    return render(
        request,
        "exchange/import_preview.html",
        {
            "pending": pending,
            "result": result,
            "rows": [row for row in rows if row.line in new_lines][:PREVIEW_ROWS],
            "lists": [
                (kind, title, result.listed[kind])
                for kind, title in LISTED_KINDS.items()
            ],
        },
    )


@require_POST
def import_confirm(request: AuthedRequest) -> HttpResponse:
    pending = request.session.pop("pending_import", None)
    data = uploads.read(request.user.pk, pending["token"]) if pending else None
    if not pending or data is None:
        messages.error(request, "That import has expired; upload the file again.")
        return redirect("exchange:import_start")
    try:
        rows = read(pending["kind"], data, pending["name"], pending["mapping"])
        result = import_rows(request.user, rows, **_options(pending, request))
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("exchange:import_start")
    finally:
        uploads.discard(request.user.pk, pending["token"])
    messages.success(
        request,
        f"Imported {pending['name']}: {result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged"
        + (f", {result.skipped} not imported." if result.skipped else "."),
    )
    return redirect("people:list")


@require_POST
def import_cancel(request: AuthedRequest) -> HttpResponse:
    _forget_pending(request)
    messages.info(request, "Nothing was imported.")
    return redirect("exchange:import_start")


def _forget_pending(request: AuthedRequest) -> None:
    """Drop the import waiting for its confirm, and its file."""
    pending = request.session.pop("pending_import", None)
    if pending:
        uploads.discard(request.user.pk, pending["token"])


def _refuse(request: AuthedRequest, error: ImportFileError) -> HttpResponse:
    """The upload page again, saying why the file was refused (and it is gone)."""
    _forget_pending(request)
    return _start_page(request, UploadForm(owner_id=request.user.pk), error)


def _start_page(
    request: AuthedRequest, form: UploadForm, error: ImportFileError | None = None
) -> HttpResponse:
    return render(
        request,
        "exchange/import_start.html",
        {"form": form, "file_error": error, "limits": limits()},
    )
