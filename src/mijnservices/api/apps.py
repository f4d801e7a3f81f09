from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mijnservices.api"
    label = "zgw_api"
    verbose_name = "ZGW API foundation"

    def ready(self) -> None:
        from django.apps import apps

        from mijnservices.api.authentication import API_CLIENTS
        from mijnservices.api.idempotency import idempotency_purge_when_due
        from mijnservices.core import worker

        worker.register_step("idempotency-purge", idempotency_purge_when_due)
        from mijnservices.core.process_cache import changed_on_write

        # Cache invalidation only: a changed client is read again on its next request.
        changed_on_write(
            API_CLIENTS,
            *(
                apps.get_model("autorisaties", name)
                for name in ("ClientCredential", "Applicatie", "Autorisatie")
            ),
        )
