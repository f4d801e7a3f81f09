from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "mijnservices.portal"
    label = "portal"
    verbose_name = "Citizen portal"
