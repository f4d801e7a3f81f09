from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "mijnservices.registrations.documenten"
    label = "documenten"
    verbose_name = "Documenten"
