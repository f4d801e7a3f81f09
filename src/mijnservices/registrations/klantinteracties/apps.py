from django.apps import AppConfig


class KlantinteractiesConfig(AppConfig):
    name = "mijnservices.registrations.klantinteracties"
    label = "klantinteracties"
    verbose_name = "Klantinteracties"
