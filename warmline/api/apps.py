from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "warmline.api"
    label = "api"
    verbose_name = "JSON API"
