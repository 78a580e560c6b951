from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "warmline.people"
    label = "people"
