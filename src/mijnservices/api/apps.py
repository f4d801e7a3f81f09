from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mijnservices.api"
    label = "zgw_api"
    verbose_name = "ZGW API foundation"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from mijnservices.api.authentication import clients_forget
        from mijnservices.api.idempotency import idempotency_purge_when_due
        from mijnservices.core import worker

        worker.register_step("idempotency-purge", idempotency_purge_when_due)
        # Cache invalidation only: a changed client is read again on its next request.
        for name in ("ClientCredential", "Applicatie", "Autorisatie"):
            model = apps.get_model("autorisaties", name)
            post_save.connect(clients_forget, sender=model, dispatch_uid=f"clients-{name}-s")
            post_delete.connect(clients_forget, sender=model, dispatch_uid=f"clients-{name}-d")
