"""A view for one verb on one of the user's objects: its own URL, POST only.

Each verb (done, snooze, move up, remove…) is a URL of its own, not an `action`
field: fetch the object through the app's owner-scoped accessor (404 for anyone
else's), call the service, say what came of it, go back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

T = TypeVar("T")


def verb_view(
    fetch: Callable[[Any, int], T],
    act: Callable[[HttpRequest, T], str | None],
    back: Callable[[HttpRequest, T], Any],
) -> Callable[[HttpRequest, int], HttpResponse]:
    """`fetch(user, pk)`, then `act(request, obj)`: the message it returns is shown,
    a ValidationError it raises is shown as an error; then redirect to `back`."""

    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        obj = fetch(request.user, pk)
        try:
            said = act(request, obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if said:
                messages.success(request, said)
        return redirect(back(request, obj))

    view.__doc__ = act.__doc__
    return view
