from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "mijnservices.services.access"
    label = "access"
    verbose_name = "Access policy"
