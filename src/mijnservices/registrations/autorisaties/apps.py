from django.apps import AppConfig


class AutorisatiesConfig(AppConfig):
    name = "mijnservices.registrations.autorisaties"
    label = "autorisaties"
    verbose_name = "Autorisaties"
