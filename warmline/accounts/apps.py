from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save


class AccountsConfig(AppConfig):
    name = "warmline.accounts"
    label = "accounts"

    def ready(self) -> None:
        from warmline.accounts.models import User

        post_save.connect(_started, sender=User, dispatch_uid="warmline-start-account")


def _started(sender: Any, instance: Any, created: bool, raw: bool, **_: Any) -> None:
    """Every new account, however it is made (the CLI, the admin, a test factory),
    starts with what the apps register; a fixture being loaded (raw) brings its own."""
    from warmline.accounts.services import start_account

    if created and not raw:
        start_account(instance)
