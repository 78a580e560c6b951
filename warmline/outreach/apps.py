from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "warmline.outreach"
    label = "outreach"
