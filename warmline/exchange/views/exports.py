"""Downloads of everything the user owns: CSV, vCard, iCalendar, JSON."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from warmline.accounts.http import AuthedRequest
from warmline.exchange import exports
from warmline.home.calendar import calendar_for

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "people.csv"),
    "vcard": ("text/vcard; charset=utf-8", "people.vcf"),
    "ics": ("text/calendar; charset=utf-8", "warmline.ics"),
    "json": ("application/json", "warmline.json"),
}


def export_page(request: AuthedRequest) -> HttpResponse:
    return render(request, "exchange/export.html")


def export_download(request: AuthedRequest, kind: str) -> HttpResponse:
    owner = request.user
    if kind == "csv":
        body: str | bytes = exports.people_csv(owner)
    elif kind == "vcard":
        body = exports.people_vcards(owner)
    elif kind == "ics":
        body = calendar_for(owner)
    else:
        body = json.dumps(exports.everything(owner), indent=2, ensure_ascii=False)
    content_type, filename = FORMATS[kind]
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stamp}-{filename}"'
    return response
