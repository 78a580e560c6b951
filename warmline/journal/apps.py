from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "warmline.journal"
    label = "journal"

    def ready(self) -> None:
        # The journal sits above meetings: it tells a meeting's page what it adds.
        from warmline.journal import meeting_links

        meeting_links.register()
