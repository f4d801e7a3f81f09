from django.apps import AppConfig


class PresentationConfig(AppConfig):
    name = "mijnservices.services.presentation"
    label = "presentation"
    verbose_name = "Portal presentation of zaaktypen, branding and help routes"
