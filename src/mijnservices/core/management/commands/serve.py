from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

from mijnservices.conf.wsgi import application


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return application


class Command(BaseCommand):
    help = "Run the web server (gunicorn) on BIND_ADDRESS:PORT with WEB_CONCURRENCY workers."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--workers", type=int, default=None)

    def handle(
        self, *args: Any, port: int | None = None, workers: int | None = None, **options: Any
    ) -> None:
        _Server(
            {
                "bind": f"{settings.BIND_ADDRESS}:{port or settings.PORT}",
                "workers": workers or settings.WEB_CONCURRENCY,
                "accesslog": "-",
                "graceful_timeout": 5,
                "timeout": 60,
                # Each instance its own control socket: gunicorn's default path is shared by
                # every instance of a user, and the first to stop would delete it for all.
                "control_socket": str(settings.VAR_DIR / "gunicorn.ctl"),
            }
        ).run()
