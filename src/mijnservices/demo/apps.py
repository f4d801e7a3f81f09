from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mijnservices.demo"
    label = "demo"
    verbose_name = "Demo data"
