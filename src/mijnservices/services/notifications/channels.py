"""Channels a notification can go out on, behind one small interface so another one (the
MijnOverheid Berichtenbox) can be added later: e-mail over SMTP, and e-mail and SMS through
the GOV.UK Notify API (NotifyNL) with ``notifications-python-client``."""

from __future__ import annotations

import contextlib
import smtplib
from email.header import Header
from email.utils import formatdate, parseaddr
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import sanitize_address

from mijnservices.core.delivery import destinations
from mijnservices.services.notifications.models import Kanaal, Notification
from mijnservices.services.presentation.branding import branding_current


class TemporaryFailure(Exception):
    """Try again later (the server is down, busy, or rate-limits us)."""


class PermanentFailure(Exception):
    """Retrying cannot help (the address or number is refused)."""


class Channel(Protocol):
    provider: str
    final_on_accept: bool  # True: accepted = delivered (SMTP); False: wait for a callback
    destination: str  # the delivery engine's breaker key (core/delivery)
    timeout: float  # the longest one send can take

    def send(self, notification: Notification) -> str:
        """Hand the message over; returns the provider's reference."""
        ...

    def close(self) -> None: ...


def message_id(notification: Notification) -> str:
    """Stable per notification: a resend after a crash carries the same Message-ID, so the
    receiving side can recognise it."""
    return f"<{notification.uuid}@notificaties.mijnservices>"


_MAX_LINE = 998  # RFC 5322 §2.1.1


def plain_message(notification: Notification, sender: str, reference: str) -> bytes | None:
    """The e-mail as bytes for a plain-text notification, built directly: Django's and the
    standard library's general MIME machinery cost more than the rest of sending. None when
    the content needs that machinery (a non-ASCII address, a line too long for 8bit)."""
    adres = notification.adres
    body = notification.tekst.replace("\r\n", "\n").replace("\r", "\n")
    if (
        not adres.isascii()
        or any(c in adres for c in "\r\n<>,")
        or any(len(line.encode()) > _MAX_LINE for line in body.split("\n"))
    ):
        return None
    subject = " ".join(notification.onderwerp.split())
    if not subject.isascii() or len(subject) > 900:
        subject = Header(subject, "utf-8").encode()
    headers = (
        f"Subject: {subject}\r\n"
        f"From: {sender}\r\n"
        f"To: {adres}\r\n"
        f"Date: {formatdate(localtime=settings.EMAIL_USE_LOCALTIME)}\r\n"
        f"Message-ID: {reference}\r\n"
        f"X-Notification-Id: {notification.uuid}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return headers.encode("ascii") + body.replace("\n", "\r\n").encode("utf-8")


def sender_header() -> str:
    """The From of e-mail to citizens: ``DEFAULT_FROM_EMAIL``; when that names no sender, the
    organisation's name (its branding) before the address, so the inbox shows who wrote."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not name:
        name = branding_current().organisation_name
    return sanitize_address((name, address), settings.DEFAULT_CHARSET) if name else address


class SmtpEmail:
    provider = "smtp"
    final_on_accept = True

    def __init__(self) -> None:
        self.destination = smtp_destination()
        self.timeout = float(settings.EMAIL_TIMEOUT or 10)
        self._connection: Any = None
        self._from_header = ""
        self._envelope_from = ""

    def _open(self) -> Any:
        if self._connection is None:
            self._connection = get_connection(
                "django.core.mail.backends.smtp.EmailBackend", fail_silently=False
            )
            self._connection.open()
        return self._connection

    def send(self, notification: Notification) -> str:
        reference = message_id(notification)
        try:
            connection = self._open()
            raw = plain_message(notification, self._sender(), reference)
            if raw is None:  # unusual content: let Django's e-mail package build it
                connection.send_messages([self._django_message(notification, reference)])
            else:
                connection.connection.sendmail(self._envelope_from, [notification.adres], raw)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentFailure("The mail server refused the address.") from exc
        except smtplib.SMTPResponseException as exc:
            self.close()
            if 500 <= exc.smtp_code < 600:
                raise PermanentFailure(f"SMTP {exc.smtp_code}") from exc
            raise TemporaryFailure(f"SMTP {exc.smtp_code}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise TemporaryFailure(f"{type(exc).__name__}: {exc}") from exc
        return reference

    def _sender(self) -> str:
        if not self._from_header:
            self._from_header = sender_header()
            self._envelope_from = sanitize_address(
                parseaddr(self._from_header)[1], settings.DEFAULT_CHARSET
            )
        return self._from_header

    @staticmethod
    def _django_message(notification: Notification, reference: str) -> EmailMessage:
        return EmailMessage(
            notification.onderwerp,
            notification.tekst,
            from_email=sender_header(),
            to=[notification.adres],
            headers={"Message-ID": reference, "X-Notification-Id": str(notification.uuid)},
        )

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._connection.close()
            self._connection = None


class NotifyApi:
    """GOV.UK Notify / NotifyNL: one template per channel whose content is ``((subject))`` /
    ``((body))``, so our own templates decide the text."""

    provider = "notify"
    final_on_accept = False
    client_timeout = 30  # notifications-python-client's own request timeout

    def __init__(self, kanaal: str) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        self.kanaal = kanaal
        self.destination = notify_destination()
        self.timeout = float(self.client_timeout)
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL
        )

    def send(self, notification: Notification) -> str:
        from notifications_python_client.errors import HTTPError

        try:
            if self.kanaal == Kanaal.EMAIL:
                response = self.client.send_email_notification(
                    email_address=notification.adres,
                    template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
                    personalisation={"subject": notification.onderwerp, "body": notification.tekst},
                    reference=str(notification.uuid),
                )
            else:
                response = self.client.send_sms_notification(
                    phone_number=notification.adres,
                    template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                    personalisation={"body": notification.tekst},
                    reference=str(notification.uuid),
                )
        except HTTPError as exc:
            if exc.status_code == 429 or exc.status_code >= 500:
                raise TemporaryFailure(f"Notify answered {exc.status_code}") from exc
            raise PermanentFailure(f"Notify refused the message ({exc.status_code})") from exc
        except OSError as exc:
            raise TemporaryFailure(f"{type(exc).__name__}: {exc}") from exc
        except Exception as exc:  # requests' connection errors are not OSErrors
            raise TemporaryFailure(f"{type(exc).__name__}: {exc}") from exc
        return str(response["id"])

    def close(self) -> None:
        return None


def send_timeout() -> float:
    """The longest one send over any configured channel can take."""
    smtp = float(settings.EMAIL_TIMEOUT or 10)
    return max(smtp, NotifyApi.client_timeout) if settings.NOTIFY_API_KEY else smtp


smtp_destination = destinations.smtp
notify_destination = destinations.notify


def destination_for(kanaal: str) -> str | None:
    """The destination ``channel_for(kanaal)`` would send to, without building the channel."""
    if kanaal == Kanaal.EMAIL:
        if settings.NOTIFICATIONS_EMAIL_CHANNEL == "notify" and notify_configured(kanaal):
            return notify_destination()
        return smtp_destination()
    return notify_destination() if notify_configured(kanaal) else None


def notify_configured(kanaal: str) -> bool:
    template = (
        settings.NOTIFY_EMAIL_TEMPLATE_ID
        if kanaal == Kanaal.EMAIL
        else settings.NOTIFY_SMS_TEMPLATE_ID
    )
    return bool(settings.NOTIFY_API_KEY and template)


def channel_for(kanaal: str) -> Channel | None:
    """The channel for e-mail or SMS as configured; None when there is none (SMS without Notify)."""
    if kanaal == Kanaal.EMAIL:
        if settings.NOTIFICATIONS_EMAIL_CHANNEL == "notify" and notify_configured(kanaal):
            return NotifyApi(kanaal)
        return SmtpEmail()
    if notify_configured(kanaal):
        return NotifyApi(kanaal)
    return None
