"""Helpers for tests that start the product's own processes (worker, web server)."""

from __future__ import annotations

import os
import socket

from django.conf import settings


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child ``mijnservices`` process that uses the test database."""
    env = dict(os.environ)
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        env["SQLITE_PATH"] = str(db["NAME"])
        env.pop("DATABASE_URL", None)
    else:
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    # gunicorn's control socket goes to $XDG_RUNTIME_DIR/gunicorn.ctl: one per VAR_DIR, so
    # servers started by parallel test workers (or a running demo) never share it.
    env["XDG_RUNTIME_DIR"] = str(settings.VAR_DIR)
    env.update(extra)
    return env


def free_port() -> int:
    """A port nothing listens on now, chosen by the kernel (parallel runs get different ones)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
