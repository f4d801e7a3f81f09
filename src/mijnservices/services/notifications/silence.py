"""\"Not forgotten\": a zaak without news for N days (per zaaktype, or the administrator's
switch) gets one short message that it is still being handled — once per silence period
(a new status or update starts a new period)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.parties import zaak_parties
from mijnservices.services.notifications import switches
from mijnservices.services.notifications.models import SilenceNotice, Trigger
from mijnservices.services.notifications.services import notify
from mijnservices.services.presentation.selectors import presentation_apply


def niet_vergeten_due(*, now: datetime | None = None, limit: int = 200) -> int:
    """Plan the messages for silent zaken; returns how many zaken got one."""
    now = now or timezone.now()
    planned = 0
    zaaktypen = list(
        ZaakType.objects.filter(concept=False).only("pk", "identificatie", "stilte_signaal_dagen")
    )
    presentation_apply(zaaktypen, steps=False)  # the beheerder's silence days
    for zaaktype in zaaktypen:
        probe = Zaak(zaaktype=zaaktype)
        days = switches.silence_days(Trigger.NIET_VERGETEN, probe)
        if not days:
            continue
        silent = (
            Zaak.objects.filter(
                zaaktype=zaaktype,
                einddatum__isnull=True,
                laatste_activiteit__lte=now - timedelta(days=days),
            )
            .exclude(
                Exists(
                    SilenceNotice.objects.filter(
                        zaak_uuid=OuterRef("uuid"), since=OuterRef("laatste_activiteit")
                    )
                )
            )
            .select_related("zaaktype", "status__statustype")
            .order_by("laatste_activiteit")[: limit - planned]
        )
        for zaak in silent:
            try:
                with transaction.atomic():
                    SilenceNotice.objects.create(zaak_uuid=zaak.uuid, since=zaak.laatste_activiteit)
                    notify(
                        event_id=f"niet-vergeten:{zaak.uuid}:{zaak.laatste_activiteit.isoformat()}",
                        trigger=Trigger.NIET_VERGETEN,
                        parties=zaak_parties(zaak),
                        zaak=zaak,
                    )
            except IntegrityError:
                continue  # another worker planned it
            planned += 1
        if planned >= limit:
            break
    return planned


_last_run = [float("-inf")]


def niet_vergeten_when_due() -> int:
    """The worker step: look for silent zaken every 10 minutes."""
    if time.monotonic() - _last_run[0] < 600:
        return 0
    _last_run[0] = time.monotonic()
    return niet_vergeten_due()
