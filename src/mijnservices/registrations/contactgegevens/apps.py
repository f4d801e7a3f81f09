from django.apps import AppConfig


class ContactgegevensConfig(AppConfig):
    name = "mijnservices.registrations.contactgegevens"
    label = "contactgegevens"
    verbose_name = "Contactgegevens"
