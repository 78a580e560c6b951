from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "warmline.exchange"
    label = "exchange"
