from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "mijnservices.registrations.zaken"
    label = "zaken"
    verbose_name = "Zaken"
