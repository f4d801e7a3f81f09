from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mijnservices.api"
    label = "zgw_api"
    verbose_name = "ZGW API foundation"

    def ready(self) -> None:
        from mijnservices.api.idempotency import idempotency_purge_when_due
        from mijnservices.core import worker

        worker.register_step("idempotency-purge", idempotency_purge_when_due)
