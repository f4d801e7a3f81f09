from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "mijnservices.registrations.besluiten"
    label = "besluiten"
    verbose_name = "Besluiten"
