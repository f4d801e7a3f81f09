from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "mijnservices.services.kpis"
    label = "kpis"
    verbose_name = "KPIs (Startgids effect measurement)"

    def ready(self) -> None:
        from mijnservices.core import worker
        from mijnservices.services.kpis import aggregates

        worker.register_step("kpis-refresh", aggregates.figures_refresh_when_due)
