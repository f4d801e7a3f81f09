from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mijnservices.api"
    label = "zgw_api"
    verbose_name = "ZGW API foundation"
