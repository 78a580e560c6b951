from django.apps import AppConfig


class HomeConfig(AppConfig):
    """What gathers every app: Today, a person's page, the calendar feed."""

    name = "warmline.home"
    label = "home"
