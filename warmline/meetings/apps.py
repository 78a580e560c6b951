from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "warmline.meetings"
    label = "meetings"
