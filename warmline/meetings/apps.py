from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "warmline.meetings"
    label = "meetings"

    def ready(self) -> None:
        from warmline.meetings import help

        help.register()
