"""The weekly report (insights.report), as the CLI's `warmline report --json`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router

from warmline.api.auth import owner
from warmline.api.errors import answers
from warmline.api.schemas import Text
from warmline.insights.report import parse_week, weekly_report

router = Router(tags=["report"])


@router.get("/report", response=answers(dict[str, Any]))
def get_report(request: HttpRequest, week: Text = "") -> dict[str, Any]:
    """A week's numbers and what they counted; `week` like 2026-W48 (this week if
    left out)."""
    try:
        monday = parse_week(week)
    except ValueError as error:
        raise ValidationError({"week": str(error)}) from None
    return weekly_report(owner(request), monday)
