"""What a real zaak page shows besides steps: documents, a besluit and klantcontacten.

Added through the registrations' services (as the demo adds them) to the first
``per_citizen`` zaken of each simulated citizen; those are the zaken the detail benchmarks
read. Idempotent: a zaak that already has documents is left as it is."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.demo.documents import BESLUITTYPEN, add_to_zaak
from mijnservices.demo.scenarios import BesluitSpec, DocumentSpec, ZaakSpec
from mijnservices.registrations.klantinteracties.services import klantcontact_register
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url

DOCUMENTS = (
    DocumentSpec(titel="Ontvangstbevestiging", bestandsnaam="ontvangst.pdf", days_ago=20),
    DocumentSpec(
        titel="Uw aanvulling", bestandsnaam="aanvulling.pdf", days_ago=10, soort="Bijlage"
    ),
)
BESLUIT = BesluitSpec(days_ago=5, toelichting="Besluit op uw aanvraag.", brief="Besluitbrief")


def detail_zaken(bsn: str, per_citizen: int) -> list[Zaak]:
    """The zaken of ``bsn`` that the detail benchmark reads (oldest first, stable)."""
    return list(
        Zaak.objects.filter(rollen__inp_bsn=bsn, rollen__omschrijving_generiek="initiator")
        .select_related("zaaktype")
        .order_by("pk")[:per_citizen]
    )


def enrich(bsns: list[str], *, per_citizen: int) -> dict[str, list[Zaak]]:
    """The detail zaken per citizen, with documents, a besluit and klantcontacten."""
    today = timezone.localdate()
    enriched: dict[str, list[Zaak]] = {}
    for bsn in bsns:
        enriched[bsn] = detail_zaken(bsn, per_citizen)
        for zaak in enriched[bsn]:
            if zaak.zaakinformatieobjecten.exists():
                continue
            besluit = BESLUIT if zaak.zaaktype.identificatie in BESLUITTYPEN else None
            spec = ZaakSpec(
                identificatie=zaak.identificatie,
                zaaktype=zaak.zaaktype.identificatie,
                party=("bsn", bsn),
                omschrijving=zaak.omschrijving,
                steps=(),
                documents=DOCUMENTS,
                besluit=besluit,
            )
            with transaction.atomic():
                add_to_zaak(zaak, spec, today=today)
                for days_ago, onderwerp in ((15, "Vraag over mijn zaak"), (3, "Stand van zaken")):
                    klantcontact_register(
                        party=Party("bsn", bsn),
                        kanaal="telefoon",
                        onderwerp=onderwerp,
                        inhoud="Gebeld over de voortgang; uitgelegd wat de volgende stap is.",
                        plaatsgevonden_op=timezone.now() - timedelta(days=days_ago),
                        zaak_url=zaak_api_url(zaak),
                        indicatie_contact_gelukt=True,
                        actor_naam="KCC",
                    )
    return enriched
