from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "warmline.outreach"
    label = "outreach"

    def ready(self) -> None:
        from warmline.accounts.services import register_account_starter
        from warmline.outreach import services

        register_account_starter(services.add_default_templates)
