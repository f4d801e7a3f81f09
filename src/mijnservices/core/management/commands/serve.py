"""``mijnservices serve``: the web server (gunicorn) on BIND_ADDRESS:PORT.

gunicorn opens a control socket (for ``gunicornc``) at one path per user by default, so a
second instance on the same host took the first one's socket and the first to stop deleted
it for both. Each instance gets its own path under VAR_DIR, named after its port, or none
(``WEB_CONTROL_SOCKET``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

from mijnservices.conf.wsgi import application
from mijnservices.core import metrics


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return application


def control_socket_options(port: int) -> dict[str, Any]:
    """gunicorn's control-socket options for the instance on ``port``."""
    configured = str(settings.WEB_CONTROL_SOCKET).strip()
    if configured.lower() == "off":
        return {"control_socket_disable": True}
    path = (
        Path(configured) if configured else Path(settings.VAR_DIR) / "run" / f"gunicorn-{port}.ctl"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    return {"control_socket": str(path)}


def worker_class_options(threads: int) -> dict[str, Any]:
    """gunicorn's sync worker for one thread per process, its gthread worker for more."""
    if threads <= 1:
        return {"worker_class": "sync"}
    return {"worker_class": "gthread", "threads": threads}


class Command(BaseCommand):
    help = (
        "Run the web server (gunicorn) on BIND_ADDRESS:PORT with WEB_CONCURRENCY workers of "
        "WEB_THREADS threads."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--workers", type=int, default=None)

    def handle(
        self, *args: Any, port: int | None = None, workers: int | None = None, **options: Any
    ) -> None:
        port = port or settings.PORT
        if metrics.enabled():
            # Before the fork: every gunicorn worker writes its latency samples here.
            metrics.use_multiprocess_dir(Path(settings.VAR_DIR) / "metrics" / f"gunicorn-{port}")
        _Server(
            {
                "bind": f"{settings.BIND_ADDRESS}:{port}",
                "workers": workers or settings.WEB_CONCURRENCY,
                **worker_class_options(settings.WEB_THREADS),
                "accesslog": "-",
                "graceful_timeout": 5,
                "timeout": 60,
                **control_socket_options(port),
            }
        ).run()
