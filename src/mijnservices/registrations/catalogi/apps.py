from django.apps import AppConfig


class CatalogiConfig(AppConfig):
    name = "mijnservices.registrations.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi"
