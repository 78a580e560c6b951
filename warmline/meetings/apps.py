from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "warmline.meetings"
    label = "meetings"

    def ready(self) -> None:
        # Meetings sits above people and outreach: it tells them what it adds.
        from warmline.accounts.services import register_account_starter
        from warmline.meetings import help, services, session_extras

        help.register()
        session_extras.register()
        register_account_starter(services.add_default_questions)
