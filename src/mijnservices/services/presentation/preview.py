"""A sample zaak of a zaaktype as a citizen would see it, for the beheerder's preview. Nothing
is saved: the zaak, its statuses and its steps live in memory only."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Status, Zaak
from mijnservices.services.presentation.selectors import presentation_apply

SAMPLE_IDENTIFICATIE = "ZAAK-VOORBEELD-0000000001"


def sample_zaak(zaaktype: ZaakType) -> Zaak:
    """A zaak started 10 days ago that has reached its second step (or its only one).

    ``zaaktype`` must be loaded with its statustypen prefetched; the presentation is applied
    to it here, so the preview shows what citizens see on their next request."""
    presentation_apply([zaaktype], fresh=True)
    statustypen = list(zaaktype.statustypen.all())
    now = timezone.now()
    started = timezone.localdate() - timedelta(days=10)
    # A primary key that no real zaak has: relations are read from the caches below.
    zaak = Zaak(
        pk=-1,
        zaaktype=zaaktype,
        identificatie=SAMPLE_IDENTIFICATIE,
        bronorganisatie="000000000",
        registratiedatum=started,
        startdatum=started,
        uiterlijke_einddatum_afdoening=started + zaaktype.doorlooptijd,
        laatste_activiteit=now - timedelta(days=3),
    )
    statussen = [
        Status(
            pk=-1 - index,
            zaak=zaak,
            statustype=statustype,
            datum_status_gezet=now - timedelta(days=10 - 7 * index),
        )
        for index, statustype in enumerate(statustypen[:2])
    ]
    zaak.status = statussen[-1] if statussen else None
    zaak._prefetched_objects_cache = {  # type: ignore[attr-defined]
        "statussen": statussen,
        "substatussen": [],
        "rollen": [],
    }
    zaak.behandelaars = []  # type: ignore[attr-defined]
    return zaak
