from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "mijnservices.services.notifications"
    label = "notifications"
    verbose_name = "Notificatieservice (citizen notifications)"
