from django.apps import AppConfig


class MijnTakenConfig(AppConfig):
    name = "mijnservices.services.mijntaken"
    label = "mijntaken"
    verbose_name = "MijnTaken API"
