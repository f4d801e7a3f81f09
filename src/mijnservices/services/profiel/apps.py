from django.apps import AppConfig


class ProfielConfig(AppConfig):
    name = "mijnservices.services.profiel"
    label = "profiel"
    verbose_name = "MijnProfiel (contact preferences)"

    def ready(self) -> None:
        from mijnservices.core import worker
        from mijnservices.services.profiel import delivery

        worker.register_step("profiel-verificaties", delivery.verificaties_send_step)
