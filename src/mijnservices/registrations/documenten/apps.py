from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "mijnservices.registrations.documenten"
    label = "documenten"
    verbose_name = "Documenten"

    def ready(self) -> None:
        from mijnservices.core import health
        from mijnservices.registrations.documenten import storage

        # /readyz: the content storage (local disk or object storage) answers.
        health.register_check("storage", storage.storage_reachable)
