from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "warmline.meetings"
    label = "meetings"

    def ready(self) -> None:
        # Meetings sits above people and outreach: it tells them what it adds.
        from warmline.meetings import help, session_extras

        help.register()
        session_extras.register()
