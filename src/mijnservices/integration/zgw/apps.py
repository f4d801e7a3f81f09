from django.apps import AppConfig


class ZgwSourcesConfig(AppConfig):
    name = "mijnservices.integration.zgw"
    label = "zgw"
    verbose_name = "External ZGW sources"

    def ready(self) -> None:
        from mijnservices.core import worker
        from mijnservices.integration.zgw import reconcile

        worker.register_step("zgw-reconcile", reconcile.projected_zaken_reconcile_when_due)
