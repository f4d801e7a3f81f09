from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "mijnservices.services.notifications"
    label = "notifications"
    verbose_name = "Notificatieservice (citizen notifications)"

    def ready(self) -> None:
        from mijnservices.core import metrics, outbox, worker
        from mijnservices.core.delivery.retention import periodic
        from mijnservices.integration.zgw.abonnement import webhook_provider_register
        from mijnservices.services.notifications import (
            delivery,
            external,
            reminders,
            retention,
            silence,
            triggers,
        )
        from mijnservices.services.notifications import metrics as notification_metrics

        outbox.register_handler(
            "notificatieservice",
            triggers.notifications_from_event,
            batch=triggers.notifications_from_events,
        )
        worker.register_step("notificatieservice-send", delivery.notifications_send_step)
        worker.register_on_stop(delivery.notifications_in_flight_finish)
        worker.register_step(
            "notificatieservice-klantcontacten", delivery.klantcontacten_register_step
        )
        worker.register_step("notificatieservice-extern", external.external_process_due)
        worker.register_step("notificatieservice-niet-vergeten", silence.niet_vergeten_when_due)
        worker.register_step("notificatieservice-herinneringen", reminders.taak_reminders_when_due)
        worker.register_step(
            "notificatieservice-purge",
            periodic(retention.notifications_purge, interval_setting="NOTIFICATION_PURGE_INTERVAL"),
        )
        metrics.register_collector(notification_metrics.notifications)
        # The abonnement `zgw-source add/check` makes at a source calls this webhook.
        webhook_provider_register(external.zgw_source_webhook)
