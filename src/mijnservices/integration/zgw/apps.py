from django.apps import AppConfig


class ZgwSourcesConfig(AppConfig):
    name = "mijnservices.integration.zgw"
    label = "zgw"
    verbose_name = "External ZGW sources"
