from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mijnservices.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from mijnservices.core import handlers, outbox

        outbox.register_handler("log", handlers.log_event)
