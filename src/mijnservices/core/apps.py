from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mijnservices.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from mijnservices.core import handlers, outbox, quarantine, worker

        outbox.register_handler("log", handlers.log_event)
        # Uploads stored while the virus scanner was down are scanned as soon as it is back.
        worker.register_step("quarantine-scan", quarantine.quarantine_scan_due)
