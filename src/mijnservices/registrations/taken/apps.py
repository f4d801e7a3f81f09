from django.apps import AppConfig


class TakenConfig(AppConfig):
    name = "mijnservices.registrations.taken"
    label = "taken"
    verbose_name = "Taken"
