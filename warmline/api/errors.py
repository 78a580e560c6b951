"""One error body for every answer that is not a success, and the mapping from
what went wrong to its status:

    {"error": {"status": 404, "message": "Not found.", "field": null}}

401 no valid token; 403 a read token writing, a failed CSRF check, or an object the
user may read but not change; 404 nothing of the user's with that id; 409 a conflict
(a likely duplicate, an introduction that would close a circle); 422 bad input,
`field` naming what was wrong; 429 too many requests, with Retry-After.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

from warmline.api.rate import RateLimited
from warmline.meetings.outcomes import OutcomeError

# Codes of service ValidationErrors that are conflicts with what is stored (409).
CONFLICT_CODES = {"likely_duplicate", "circle", "already_introduced"}


class ErrorDetail(Schema):
    status: int
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


ERROR_STATUSES = (401, 403, 404, 409, 422, 429)
ERRORS: dict[int, Any] = dict.fromkeys(ERROR_STATUSES, ErrorOut)


def answers(ok: Any, status: int = 200) -> dict[int, Any]:
    """An operation's documented answers: its success and every error."""
    return {status: ok, **ERRORS}


class Conflict(Exception):
    """What was asked clashes with what is stored (409)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def error_response(
    api: NinjaAPI, request: HttpRequest, status: int, message: str, field: Any = None
) -> HttpResponse:
    body = {"error": {"status": status, "message": message, "field": field}}
    return api.create_response(request, body, status=status)


def _field_of(error: ValidationError) -> str | None:
    if hasattr(error, "error_dict"):
        name = next(iter(error.error_dict))
        return None if name == NON_FIELD_ERRORS else name
    return None


def _input_field(errors: list[dict[str, Any]]) -> str | None:
    """`body.person.name` → `name`: where in the request the first problem is."""
    if not errors:
        return None
    where = [str(part) for part in errors[0].get("loc", ())]
    if where and where[0] in {"body", "query", "path"}:
        where = where[1:]
    if len(where) > 1 and where[0] in {"data", "payload"}:
        where = where[1:]
    return ".".join(where) or None


def install(api: NinjaAPI) -> None:
    """Register the handlers: every failure answers in ErrorOut's shape."""

    def not_authenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        response = error_response(
            api, request, 401, "Send a valid token: Authorization: Bearer TOKEN."
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        text = str(exc) or "You may not change this."
        return error_response(api, request, 403, text)

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(api, request, 404, "Not found.")

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:  # a body that is not JSON: bad input like any
            message = f"{exc.message}: send JSON."
            return error_response(api, request, 422, message, "body")
        return error_response(api, request, exc.status_code, str(exc.message))

    def bad_input(request: HttpRequest, exc: InputError) -> HttpResponse:
        errors = list(exc.errors)
        first = errors[0] if errors else {}
        message = str(first.get("msg", "The request is not valid."))
        return error_response(api, request, 422, message, _input_field(errors))

    def refused(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        status = 409 if CONFLICT_CODES & _codes(exc) else 422
        message = " ".join(exc.messages) or "The request is not valid."
        return error_response(api, request, status, message, _field_of(exc))

    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return error_response(api, request, 409, str(exc), exc.field)

    def outcome_refused(request: HttpRequest, exc: OutcomeError) -> HttpResponse:
        if exc.candidates:
            row, people = next(iter(exc.candidates.items()))
            named = "; ".join(f"{p.name} (#{p.pk})" for p in people)
            message = (
                f"This name may already be in your network: {named}. Give match "
                '"new" or one of their ids.'
            )
            return error_response(api, request, 409, message, f"referrals.{row}.match")
        if exc.referrals:
            row, message = next(iter(exc.referrals.items()))
            return error_response(api, request, 422, message, f"referrals.{row}")
        return error_response(api, request, 422, " ".join(exc.general))

    def too_many(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = error_response(api, request, 429, str(exc))
        response["Retry-After"] = str(exc.retry_after)
        return response

    api.add_exception_handler(AuthenticationError, not_authenticated)  # type: ignore[arg-type]
    api.add_exception_handler(PermissionDenied, forbidden)  # type: ignore[arg-type]
    api.add_exception_handler(Http404, not_found)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, http_error)  # type: ignore[arg-type]
    api.add_exception_handler(InputError, bad_input)  # type: ignore[arg-type]
    api.add_exception_handler(ValidationError, refused)  # type: ignore[arg-type]
    api.add_exception_handler(Conflict, conflict)  # type: ignore[arg-type]
    api.add_exception_handler(OutcomeError, outcome_refused)  # type: ignore[arg-type]
    api.add_exception_handler(RateLimited, too_many)  # type: ignore[arg-type]


def _codes(error: ValidationError) -> set[str]:
    return (
        {e.code for e in error.error_list if e.code}
        if hasattr(error, "error_list")
        else {e.code for es in error.error_dict.values() for e in es if e.code}
    )
