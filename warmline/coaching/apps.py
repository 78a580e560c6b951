from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "warmline.coaching"
    label = "coaching"
    verbose_name = "Coaches and partners"
