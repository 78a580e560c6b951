from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "warmline.accounts"
    label = "accounts"
