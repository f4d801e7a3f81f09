"""A real SMTP server on loopback (aiosmtpd) that records what arrives, for tests and the
notification benchmark. ``stop()`` plays "the mail server is down"; ``start()`` brings it back
on the same port."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from functools import cached_property
from typing import Any

from aiosmtpd.controller import Controller

from mijnservices.testing.processes import free_port

_headers = BytesHeaderParser()


@dataclass(frozen=True)
class Received:
    message_id: str
    to: str
    raw: bytes
    at: float

    @cached_property
    def _message(self) -> EmailMessage:
        # Parsed on first use: the full parse costs more than the rest of receiving, and the
        # server answers sooner without it (the benchmarks measure the sender, not this).
        message = message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        return message

    @property
    def subject(self) -> str:
        return str(self._message.get("Subject", ""))

    @property
    def body(self) -> str:
        body = self._message.get_body(preferencelist=("plain",))
        return body.get_content() if body is not None else ""


@dataclass
class SmtpSink:
    port: int = field(default_factory=free_port)
    received: list[Received] = field(default_factory=list)
    # From this many accepted messages on, hold the next one without answering (the sender
    # is then mid-send) until ``release()``; the held message is then refused with 451.
    hold_after: int | None = None
    # Seconds the server takes to accept each message (a slow mail server).
    delay: float = 0.0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._controller: Controller | None = None
        self._released = threading.Event()
        self.holding = threading.Event()

    def release(self) -> None:
        self.hold_after = None
        self._released.set()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.hold_after is not None and len(self.received) >= self.hold_after:
            self.holding.set()
            while not self._released.is_set():
                await asyncio.sleep(0.05)
            return "451 Try again later"
        raw = envelope.original_content or envelope.content
        headers = _headers.parsebytes(raw)
        item = Received(
            message_id=str(headers.get("Message-ID", "")).strip(),
            to=", ".join(envelope.rcpt_tos),
            raw=raw,
            at=time.time(),
        )
        with self._lock:
            self.received.append(item)
        return "250 OK"

    def start(self) -> SmtpSink:
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # one line per SMTP command
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

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
