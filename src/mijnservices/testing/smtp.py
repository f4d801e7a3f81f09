"""A real SMTP server on loopback (aiosmtpd) that records what arrives, for tests and the
notification benchmark. ``stop()`` plays "the mail server is down"; ``start()`` brings it back
on the same port."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from mijnservices.testing.processes import free_port


@dataclass(frozen=True)
class Received:
    message_id: str
    to: str
    subject: str
    body: str
    at: float


@dataclass
class SmtpSink:
    port: int = field(default_factory=free_port)
    received: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        assert isinstance(message, EmailMessage)
        body = message.get_body(preferencelist=("plain",))
        item = Received(
            message_id=str(message.get("Message-ID", "")),
            to=", ".join(envelope.rcpt_tos),
            subject=str(message.get("Subject", "")),
            body=body.get_content() if body is not None else "",
            at=time.time(),
        )
        with self._lock:
            self.received.append(item)
        return "250 OK"

    def start(self) -> SmtpSink:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def snapshot(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def use_in(self, settings: Any) -> None:
        """Point Django's SMTP settings (a pytest-django ``settings`` fixture) here."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_TIMEOUT = 2
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
