from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "warmline.insights"
    label = "insights"
