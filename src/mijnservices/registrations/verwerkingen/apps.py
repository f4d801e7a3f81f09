from django.apps import AppConfig


class VerwerkingenConfig(AppConfig):
    name = "mijnservices.registrations.verwerkingen"
    label = "verwerkingen"
    verbose_name = "Verwerkingenlogging"
