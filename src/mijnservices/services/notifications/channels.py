"""Channels a notification can go out on, behind one small interface so another one (the
MijnOverheid Berichtenbox) can be added later: e-mail over SMTP, and e-mail and SMS through
the GOV.UK Notify API (NotifyNL) with ``notifications-python-client``."""

from __future__ import annotations

import contextlib
import smtplib
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from mijnservices.services.notifications.models import Kanaal, Notification


class TemporaryFailure(Exception):
    """Try again later (the server is down, busy, or rate-limits us)."""


class PermanentFailure(Exception):
    """Retrying cannot help (the address or number is refused)."""


class Channel(Protocol):
    provider: str
    final_on_accept: bool  # True: accepted = delivered (SMTP); False: wait for a callback

    def send(self, notification: Notification) -> str:
        """Hand the message over; returns the provider's reference."""
        ...

    def close(self) -> None: ...


def message_id(notification: Notification) -> str:
    """Stable per notification: a resend after a crash carries the same Message-ID, so the
    receiving side can recognise it."""
    return f"<{notification.uuid}@notificaties.mijnservices>"


class SmtpEmail:
    provider = "smtp"
    final_on_accept = True

    def __init__(self) -> None:
        self._connection: Any = None

    def _open(self) -> Any:
        if self._connection is None:
            self._connection = get_connection(
                "django.core.mail.backends.smtp.EmailBackend", fail_silently=False
            )
            self._connection.open()
        return self._connection

    def send(self, notification: Notification) -> str:
        reference = message_id(notification)
        message = EmailMessage(
            notification.onderwerp,
            notification.tekst,
            to=[notification.adres],
            headers={"Message-ID": reference, "X-Notification-Id": str(notification.uuid)},
        )
        try:
            self._open().send_messages([message])
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

    def __init__(self, kanaal: str) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        self.kanaal = kanaal
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
