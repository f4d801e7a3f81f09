"""DEMO ONLY: a local SMTP server that keeps every e-mail it receives as a file, so the demo
shows what citizens would get (``/demo/mail/``). Nothing is sent onwards. ``make demo`` runs it
beside the web server and the worker (``mijnservices run`` starts it in DEMO_MODE)."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from django.conf import settings

SUFFIX = ".eml"


def mail_dir() -> Path:
    return Path(settings.VAR_DIR) / "demo-mail"


@dataclass(frozen=True)
class StoredMail:
    id: str
    received: datetime
    sender: str
    recipients: str
    subject: str
    text: str


def _read(path: Path) -> StoredMail:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain", "html"))
    return StoredMail(
        id=path.stem,
        received=datetime.fromtimestamp(path.stat().st_mtime, tz=UTC),
        sender=str(message.get("From", "")),
        recipients=str(message.get("X-Demo-Rcpt-To", message.get("To", ""))),
        subject=str(message.get("Subject", "")),
        text=body.get_content() if body is not None else "",
    )


def stored_mails(limit: int = 200) -> list[StoredMail]:
    """The newest ``limit`` e-mails first."""
    directory = mail_dir()
    if not directory.is_dir():
        return []
    paths = sorted(directory.glob(f"*{SUFFIX}"), reverse=True)[:limit]
    return [_read(path) for path in paths]


def stored_mail(mail_id: str) -> StoredMail | None:
    if not mail_id.replace("-", "").isalnum():
        return None
    path = mail_dir() / f"{mail_id}{SUFFIX}"
    return _read(path) if path.is_file() else None


def store(content: bytes, recipients: list[str]) -> Path:
    """Keep one received message; the file name sorts by arrival."""
    directory = mail_dir()
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}{SUFFIX}"
    header = f"X-Demo-Rcpt-To: {', '.join(recipients)}\r\n".encode()
    temporary = directory / f".{name}.tmp"
    temporary.write_bytes(header + content)
    final = directory / name
    temporary.rename(final)  # readers never see half a file
    return final


class StoringHandler:
    """aiosmtpd handler: accept every message and store it."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        store(content if isinstance(content, bytes) else content.encode(), envelope.rcpt_tos)
        return "250 Message accepted for delivery"
