from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "mijnservices.services.payments"
    label = "payments"
    verbose_name = "Payments"
