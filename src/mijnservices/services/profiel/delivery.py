"""The worker sends verification messages (a link by e-mail, a code by SMS) queued by
``services``, on the delivery engine (``core/delivery``, decision 0032): claimed one by one
with a lease token (a conditional UPDATE, so several workers never send the same message),
held back while the destination (SMTP server, Notify API) is paused by its breaker and
released at once when a send fails for a reason of the destination; marked failed when the
address is refused or ``NOTIFICATIONS_RETRY_WINDOW`` has passed — never dropped silently."""

from __future__ import annotations

import smtplib
import time
from datetime import datetime

import structlog
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connections
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from mijnservices.core.delivery import breaker, destinations, lanes
from mijnservices.core.delivery.claims import Lease
from mijnservices.services.profiel.models import Kanaal, Verificatie
from mijnservices.services.profiel.services import email_token

logger = structlog.get_logger(__name__)


class PermanentFailure(Exception):
    """Retrying cannot help (the address was refused, no channel exists)."""


TEXTS = {
    "nl": {
        "subject": "Bevestig uw e-mailadres",
        "email": (
            "U hebt dit e-mailadres opgegeven bij {org}.\n\n"
            "Klik op deze link om te bevestigen dat het van u is:\n{link}\n\n"
            "De link werkt {hours} uur. Hebt u dit niet zelf gedaan? Dan hoeft u niets te doen."
        ),
        "sms": "Uw code voor {org}: {code}. De code werkt {minutes} minuten.",
    },
    "en": {
        "subject": "Confirm your e-mail address",
        "email": (
            "You gave this e-mail address to {org}.\n\n"
            "Click this link to confirm that it is yours:\n{link}\n\n"
            "The link works for {hours} hours. Did you not do this? Then you do not need to do "
            "anything."
        ),
        "sms": "Your code for {org}: {code}. The code works for {minutes} minutes.",
    },
}


def _send_email(verificatie: Verificatie) -> None:
    texts = TEXTS[verificatie.taal]
    path = reverse("portal:profiel_email_verify", kwargs={"token": email_token(verificatie)})
    body = texts["email"].format(
        org=settings.ORGANISATION_NAME,
        link=settings.SITE_URL.rstrip("/") + path,
        hours=settings.PROFIEL_EMAIL_LINK_HOURS,
    )
    try:
        EmailMessage(texts["subject"], body, to=[verificatie.adres]).send()
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentFailure("The mail server refused the address.") from exc


def _send_sms(verificatie: Verificatie) -> None:
    text = TEXTS[verificatie.taal]["sms"].format(
        org=settings.ORGANISATION_NAME,
        code=verificatie.code_te_versturen,
        minutes=settings.PROFIEL_SMS_CODE_MINUTES,
    )
    if settings.DEMO_MODE:
        # DEMO ONLY: no SMS gateway; the text goes to the demo mailbox, clearly labelled.
        number = verificatie.adres.lstrip("+")
        EmailMessage(
            f"DEMO SMS aan {verificatie.adres}", text, to=[f"sms-{number}@demo.invalid"]
        ).send()
        return
    api_key = getattr(settings, "NOTIFY_API_KEY", "")
    template = getattr(settings, "NOTIFY_SMS_TEMPLATE_ID", "")
    if not (api_key and template):
        raise PermanentFailure("No SMS channel is configured.")
    from notifications_python_client.errors import HTTPError
    from notifications_python_client.notifications import NotificationsAPIClient

    client = NotificationsAPIClient(api_key, base_url=getattr(settings, "NOTIFY_BASE_URL", ""))
    try:
        client.send_sms_notification(
            phone_number=verificatie.adres, template_id=template, personalisation={"body": text}
        )
    except HTTPError as exc:
        if 400 <= exc.status_code < 500 and exc.status_code != 429:
            raise PermanentFailure(f"Notify refused the message ({exc.status_code}).") from exc
        raise


def _destination(verificatie: Verificatie) -> str:
    if verificatie.kanaal == Kanaal.EMAIL or settings.DEMO_MODE:
        return destinations.smtp()
    return destinations.notify()


def _claim(verificatie: Verificatie, lease: Lease) -> bool:
    return (
        Verificatie.objects.filter(
            pk=verificatie.pk,
            status=Verificatie.Status.TE_VERSTUREN,
            volgende_poging_op=verificatie.volgende_poging_op,
        ).update(volgende_poging_op=lease.until, claim=lease.token)
        == 1
    )


def _kanalen(key: str) -> list[str]:
    """The channels whose messages go to destination ``key``."""
    return [k for k in Kanaal.values if _destination(Verificatie(kanaal=k)) == key]


def _due(now: datetime) -> QuerySet[Verificatie]:
    return Verificatie.objects.filter(status=Verificatie.Status.TE_VERSTUREN).filter(
        Q(volgende_poging_op__lte=now) | Q(volgende_poging_op__isnull=True)
    )


def verificaties_send_due(
    *, now: datetime | None = None, limit: int = 20, destination: str | None = None
) -> int:
    """Send due verification messages (only those for ``destination`` when given); returns
    how many were handled."""
    now = now or timezone.now()
    due_now = _due(now)
    if destination is not None:
        due_now = due_now.filter(kanaal__in=_kanalen(destination))
    due = list(due_now.order_by("volgende_poging_op", "pk")[:limit])
    if not due:
        return 0
    paused = breaker.paused(now=now)
    handled = 0
    for verificatie in due:
        key = _destination(verificatie)
        if key in paused and not (paused[key] and breaker.probe_take(key, now=now)):
            continue  # paused: nothing is attempted until its probe
        lease = Lease(settings.PROFIEL_SEND_LEASE_SECONDS)
        if not _claim(verificatie, lease):
            continue  # another worker has it
        if key in paused:
            paused[key] = False  # this message was the probe
        handled += 1
        attempt = verificatie.verzendpogingen + 1
        fields: dict[str, object] = {"verzendpogingen": attempt, "claim": None}
        try:
            _send_email(verificatie) if verificatie.kanaal == Kanaal.EMAIL else _send_sms(
                verificatie
            )
        except PermanentFailure as exc:
            fields.update(status=Verificatie.Status.VERSTUREN_MISLUKT, laatste_fout=str(exc)[:200])
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"[:200]
            age = (timezone.now() - verificatie.aangemaakt_op).total_seconds()
            if age >= settings.NOTIFICATIONS_RETRY_WINDOW:
                fields.update(status=Verificatie.Status.VERSTUREN_MISLUKT, laatste_fout=error)
            else:
                # Released at once; the destination's breaker decides when to try again.
                fields.update(volgende_poging_op=timezone.now(), laatste_fout=error)
            if breaker.destination_failed(key, error):
                paused[key] = False
        else:
            breaker.destination_succeeded(key)
            fields.update(
                status=Verificatie.Status.VERSTUURD,
                verstuurd_op=timezone.now(),
                code_te_versturen="",
            )
        Verificatie.objects.filter(pk=verificatie.pk, claim=lease.token).update(**fields)
        logger.info(
            "verificatie_send",
            verificatie=str(verificatie.uuid),
            kanaal=verificatie.kanaal,
            attempt=attempt,
            status=fields.get("status", "retry"),
        )
    return handled


_last_run = [float("-inf")]


def _send_in_lane(destination: str) -> int:
    try:
        return verificaties_send_due(destination=destination)
    finally:
        connections.close_all()  # the lane thread's own connection: none left idle


def verificaties_send_step() -> int:
    """The worker step: at most every 2 seconds (verification messages should come quickly),
    each destination's messages in its lane (``core/delivery/lanes``), so a hanging mail
    server holds up neither the worker nor codes sent by SMS, and the other way round."""
    if time.monotonic() - _last_run[0] < 2:
        return 0
    _last_run[0] = time.monotonic()
    kanalen = set(_due(timezone.now()).values_list("kanaal", flat=True).distinct())
    concurrency = int(settings.DELIVERY_MESSAGE_CONCURRENCY)
    started = 0
    for key in {_destination(Verificatie(kanaal=k)) for k in kanalen}:
        # Behind at most one batch of other messages to the same destination.
        if lanes.free(key, concurrency) + concurrency > 0:
            lanes.lane(key, concurrency).submit(_send_in_lane, key)
            started += 1
    return started
