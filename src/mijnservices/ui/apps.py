from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "mijnservices.ui"
    label = "ui"
    verbose_name = "Shared interaction pieces (both UIs)"
