from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "mijnservices.registrations.documenten"
    label = "documenten"
    verbose_name = "Documenten"

    def ready(self) -> None:
        from mijnservices.core import health, quarantine
        from mijnservices.registrations.documenten import storage
        from mijnservices.registrations.documenten.services.documents import (
            versie_content_release,
        )

        # /readyz: the content storage (local disk or object storage) answers.
        health.register_check("storage", storage.storage_reachable)
        # Content stored while the virus scanner was down goes to its version once clean.
        quarantine.register_release(storage.QUARANTINE_KIND, versie_content_release)
