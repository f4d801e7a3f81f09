from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "mijnservices.registrations.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"

    def ready(self) -> None:
        from mijnservices.core import metrics, outbox, worker
        from mijnservices.registrations.notificaties import delivery, events
        from mijnservices.registrations.notificaties import metrics as notificatie_metrics

        # Outbox event → notificatie + deliveries, in the worker's transaction.
        outbox.register_handler(
            "notificaties", events.notificatie_from_event, batch=events.notificaties_from_events
        )
        # The same worker process then sends due deliveries and purges old ones.
        worker.register_step("notification-deliveries", delivery.deliveries_send_step)
        worker.register_on_stop(delivery.deliveries_record_in_flight)
        worker.register_step("notification-purge", delivery.deliveries_purge_when_due)
        metrics.register_collector(notificatie_metrics.deliveries)
