from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "mijnservices.services.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self) -> None:
        from mijnservices.core import worker
        from mijnservices.services.payments import services

        worker.register_step("payments-reconcile", services.betalingen_reconcile_when_due)
