from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mijnservices.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from mijnservices.core import handlers, outbox, quarantine, worker
        from mijnservices.core.delivery.retention import periodic

        outbox.register_handler("log", handlers.log_event)
        # Uploads stored while the virus scanner was down are scanned as soon as it is back.
        worker.register_step("quarantine-scan", quarantine.quarantine_scan_due)
        worker.register_step(
            "outbox-purge",
            periodic(outbox.events_purge, interval_setting="NOTIFICATION_PURGE_INTERVAL"),
        )
