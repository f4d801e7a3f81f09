from django.apps import AppConfig


class ProfielConfig(AppConfig):
    name = "mijnservices.services.profiel"
    label = "profiel"
    verbose_name = "MijnProfiel (contact preferences)"
