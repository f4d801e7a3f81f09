"""Ontvangstbevestigingen (Wmebv; Startgids §3.2c, issue 21): after an upload or a question the
citizen gets a durable confirmation naming what was received and when — a bericht in
MijnBerichten, published in the same transaction as what it confirms. Its outbox event
becomes the e-mail through the Notificatieservice (trigger ``ontvangst``), so the receipt
takes the same delivery path as every other notification. Payments publish their own
confirmation bericht (``services.payments``), which the same path turns into an e-mail.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from mijnservices.core.formats import format_moment
from mijnservices.core.identity import Citizen
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url

RECEIPT_TYPE = "ONTVBEV"  # berichtType has maxLength 8 in the Berichten spec


def receipt_publish(
    *, citizen: Citizen, zaak: Zaak, wat: str, onderwerp: str, moment: datetime | None = None
) -> Bericht:
    """Confirm to the party whose zaak it is that ``wat`` ("uw document 'Loonstrook'") arrived.
    A representative's action is named as theirs. Call inside the action's transaction."""
    moment = moment or timezone.now()
    door = (
        f" Dit is verstuurd door {citizen.actor.name} namens u."
        if citizen.acts_on_behalf and citizen.actor.name
        else ""
    )
    tekst = (
        f"Wij hebben {wat} ontvangen op {format_moment(moment)}, "
        f"bij uw zaak {zaak.identificatie}.{door} "
        "Bewaar dit bericht: het is uw bewijs dat wij het hebben ontvangen."
    )
    return bericht_publish(
        ontvanger=citizen.party,
        onderwerp=onderwerp[:50],
        bericht_tekst=tekst,
        publicatiedatum=moment,
        is_gerelateerd_aan=[zaak_api_url(zaak)],
        bericht_type=RECEIPT_TYPE,
    )
