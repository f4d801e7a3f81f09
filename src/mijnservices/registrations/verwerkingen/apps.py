from django.apps import AppConfig


class VerwerkingenConfig(AppConfig):
    name = "mijnservices.registrations.verwerkingen"
    label = "verwerkingen"
    verbose_name = "Verwerkingenlogging"

    def ready(self) -> None:
        from mijnservices.core import worker
        from mijnservices.registrations.verwerkingen import services

        worker.register_step("verwerkingen-purge", services.verwerkingen_purge_when_due)
