"""``bench sources``, second part: from a status set at the source to the citizen's page and
e-mail (issue 14, point 6).

Per change: a status is set on one of the citizen's zaken through the source's Zaken API;
right after, the bench posts the source's notificatie to our webhook, as the source's
Notificaties API would (how long the source takes to send it is the source's part, not ours).
A real worker process (``mijnservices worker``) re-reads the zaak at the source, projects it
and e-mails the citizen at a real SMTP server on loopback. Timed from the moment the source
answered the status POST until (a) the citizen's zaak page (its selector, through the access
policy) shows the new step, and (b) the SMTP server accepted the e-mail.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from django.http import Http404
from django.test import Client

from mijnservices.bench.notifications import _pcts
from mijnservices.core.identity import Citizen, Party
from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.registrations.klantinteracties.services import digitaal_adres_create
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.selectors import zaak_for_detail
from mijnservices.services.notifications.models import ExternalSource, Notification
from mijnservices.testing.processes import child_env

if TYPE_CHECKING:
    from mijnservices.testing.smtp import SmtpSink
    from mijnservices.testing.zgw_source import SourceProcess

WEBHOOK = "/notificatieservice/zgw/webhook/"
AUTHORIZATION = "Token bench-bron"


def _until(found: Callable[[], float | None], began: float, timeout: float = 60) -> float | None:
    """Milliseconds from ``began`` until ``found`` gives a moment (or True: now)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        moment = found()
        if moment is not None:
            return (moment - began) * 1000
        time.sleep(0.01)
    return None


def _settle(timeout: float = 300) -> None:
    """Wait until the worker handled the first syncs' events and sent what they planned."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = OutboxEvent.objects.filter(status=OutboxStatus.PENDING).exists() or (
            Notification.objects.filter(status__in=["created", "sending"]).exists()
        )
        if not busy:
            return
        time.sleep(0.2)


def _page_shows(citizen: Citizen, zaak: Zaak, volgnummer: int) -> float | None:
    try:
        shown = zaak_for_detail(citizen, zaak.uuid)
    except Http404:
        return None
    current = shown.status
    return time.time() if current and current.statustype.volgnummer == volgnummer else None


def _mail_at(sink: SmtpSink, zaak: Zaak, before: set[str]) -> float | None:
    uuids = Notification.objects.filter(zaak_uuid=str(zaak.uuid), kanaal="email")
    wanted = {
        f"<{uuid}@notificaties.mijnservices>" for uuid in uuids.values_list("uuid", flat=True)
    }
    for message in sink.snapshot():
        if message.message_id in wanted - before:
            return message.at
    return None


def status_to_page_and_email(
    *,
    source: SourceProcess,
    zgw: ZgwSource,
    bsn: str,
    step: dict[str, Any],
    zaken: list[dict[str, Any]],
    write: Callable[[str], None],
) -> None:
    if not zaken:
        write("status at the source → page / e-mail: no zaak at its first step to move on")
        return
    from mijnservices.testing.smtp import SmtpSink  # the demo extra's aiosmtpd

    party = Party(kind="bsn", identifier=bsn)
    citizen = Citizen(actor=party, auth_method="digid")
    digitaal_adres_create(
        party=party,
        adres="bench-bron@example.nl",
        soort="email",
        is_standaard=True,
        verificatie_datum=date(2026, 1, 1),
    )
    ExternalSource.objects.create(naam="bench-bron", authorization=AUTHORIZATION, zgw_source=zgw)
    webhook = Client(HTTP_HOST="localhost")
    pages: list[float] = []
    mails: list[float] = []
    with SmtpSink() as sink:
        env = child_env(
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(sink.port),
            NOTIFICATIONS_THROTTLE_MINUTES="0",
            LOG_LEVEL="WARNING",
        )
        worker = subprocess.Popen(
            [sys.executable, "-m", "mijnservices", "worker"], env=env, stdout=subprocess.DEVNULL
        )
        try:
            _settle()
            for at_source in zaken:
                local = Zaak.objects.get(bron_url=at_source["url"])
                before = {message.message_id for message in sink.snapshot()}
                status = source.status_set(at_source, step)
                began = time.time()
                posted = webhook.post(
                    WEBHOOK,
                    {
                        "kanaal": "zaken",
                        "hoofdObject": at_source["url"],
                        "resource": "status",
                        "resourceUrl": status["url"],
                        "actie": "create",
                        "aanmaakdatum": status["datumStatusGezet"],
                        "kenmerken": {},
                    },
                    content_type="application/json",
                    HTTP_AUTHORIZATION=AUTHORIZATION,
                )
                assert posted.status_code == 204, posted.content
                page = _until(partial(_page_shows, citizen, local, step["volgnummer"]), began)
                mail = _until(partial(_mail_at, sink, local, before), began)
                if page is not None:
                    pages.append(page)
                if mail is not None:
                    mails.append(mail)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    write(
        f"status at the source → citizen's page ({len(pages)}/{len(zaken)}): {_pcts(pages)}; "
        f"→ e-mail accepted by the SMTP server ({len(mails)}/{len(zaken)}): {_pcts(mails)} "
        "(one worker process)"
    )
