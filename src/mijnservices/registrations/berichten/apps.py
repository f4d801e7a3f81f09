from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "mijnservices.registrations.berichten"
    label = "berichten"
    verbose_name = "Berichten"
