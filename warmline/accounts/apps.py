from typing import Any

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save


class AccountsConfig(AppConfig):
    name = "warmline.accounts"
    label = "accounts"

    def ready(self) -> None:
        from warmline.accounts.models import User

        post_save.connect(_started, sender=User, dispatch_uid="warmline-start-account")
        user_logged_in.connect(_signed_in, dispatch_uid="warmline-browser-zone")


def _started(sender: Any, instance: Any, created: bool, raw: bool, **_: Any) -> None:
    """Every new account, however it is made (the CLI, the admin, a test factory),
    starts with what the apps register; a fixture being loaded (raw) brings its own."""
    from warmline.accounts.services import start_account

    if created and not raw:
        start_account(instance)


def _signed_in(sender: Any, request: Any, user: Any, **_: Any) -> None:
    """The sign-in form carries the browser's zone (warmline-0.2.js fills it in)."""
    from warmline.accounts.services import adopt_browser_zone

    if request is not None and request.method == "POST":
        adopt_browser_zone(user, request.POST.get("time_zone", ""))
