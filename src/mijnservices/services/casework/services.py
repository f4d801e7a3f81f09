"""The behandelaar's changes to a zaak: the next step, an update, closing with a resultaat, a
task or a message for the resident, an answer to the resident's question, a document (visible
to the resident or not) and a besluit.

Each goes through the service layer of its registration, the same one its API uses, so every
change records its outbox event (and from there its notifications). The employee pages only
validate their forms and call these; whether the employee may handle the zaak at all was
decided by the access policy when the zaak was loaded (``selectors.zaak_for_employee``).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee, Party
from mijnservices.core.resources import resource_path
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.besluiten.models import BesluitType
from mijnservices.registrations.besluiten.services import besluit_create
from mijnservices.registrations.catalogi.models import (
    InformatieObjectType,
    ResultaatType,
    StatusType,
    Vertrouwelijkheid,
)
from mijnservices.registrations.documenten.services.documents import informatieobject_create
from mijnservices.registrations.klantinteracties.services import (
    klantcontact_answer,
    klantcontact_register,
)
from mijnservices.registrations.taken.models import HandelingsPerspectief, TaakSoort
from mijnservices.registrations.taken.services import taak_create
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.parties import parties_of_zaak
from mijnservices.services.casework.referrals import referral_create
from mijnservices.services.casework.selectors import open_questions_on, zaak_url
from mijnservices.services.mijnoverzicht.taken import upload_link

# Above what citizens may see: a document the resident must not see.
INTERNAL_LEVEL = Vertrouwelijkheid.VERTROUWELIJK


class NoResident(DomainError):
    """The zaak names no party to address a task or message to."""


def _resident(zaak: Zaak) -> Party:
    parties = parties_of_zaak(zaak)
    if not parties:
        raise NoResident("This case has no applicant to address.", code="no-resident")
    return parties[0]


def zaak_step_set(*, zaak: Zaak, statustype: StatusType, toelichting: str) -> None:
    zaken_services.status_set(zaak=zaak, statustype=statustype, statustoelichting=toelichting)


def zaak_update_add(*, zaak: Zaak, omschrijving: str) -> None:
    """A sub-status: what happens now, in the resident's words."""
    zaken_services.substatus_create(zaak=zaak, omschrijving=omschrijving)


def zaak_close(*, zaak: Zaak, resultaattype: ResultaatType, toelichting: str) -> None:
    """Record the resultaat and set the final status: the zaak is closed."""
    final = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    if final is None:
        raise DomainError("This zaaktype has no final step.", code="no-final-status")
    with transaction.atomic():
        zaken_services.resultaat_set(
            zaak=zaak, resultaattype=resultaattype, toelichting=toelichting
        )
        zaken_services.status_set(zaak=zaak, statustype=final, statustoelichting=toelichting)


def casework_taak_create(*, zaak: Zaak, titel: str, dagen: int, toelichting: str) -> None:
    """A task for the resident: send a document for this zaak, within a number of days."""
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel=titel,
        is_toegewezen_aan=_resident(zaak),
        einddatum_handelings_termijn=timezone.localdate() + timedelta(days=dagen),
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        toelichting=toelichting,
        is_gerelateerd_aan=[zaak_url(zaak)],
        details={"uitvraagLink": upload_link(zaak)},
    )


def casework_bericht_send(*, zaak: Zaak, onderwerp: str, tekst: str) -> None:
    bericht_publish(
        ontvanger=_resident(zaak),
        onderwerp=onderwerp,
        bericht_tekst=tekst,
        is_gerelateerd_aan=[zaak_url(zaak)],
    )


def casework_vraag_answer(
    *, zaak: Zaak, vraag_uuid: str, antwoord: str, employee: Employee
) -> bool:
    """Answer the resident's open question about this zaak (a follow-up klantcontact).
    False when it was answered meanwhile (it is then not offered again)."""
    vraag = {str(v.uuid): v for v in open_questions_on(zaak)}.get(vraag_uuid)
    if vraag is None:
        return False
    klantcontact_answer(vraag=vraag, antwoord=antwoord, actor_naam=employee.username)
    return True


def casework_document_add(
    *,
    zaak: Zaak,
    informatieobjecttype: InformatieObjectType,
    bestandsnaam: str,
    content: Iterable[bytes],
    titel: str,
    zichtbaar: bool,
) -> UUID:
    """Add a document to the zaak; "the resident may see it" sets its vertrouwelijkheid (never
    above the informatieobjecttype's own level)."""
    level = str(settings.CITIZEN_MAX_VERTROUWELIJKHEID) if zichtbaar else INTERNAL_LEVEL
    own = informatieobjecttype.vertrouwelijkheidaanduiding
    if zichtbaar and Vertrouwelijkheid.rank(own) < Vertrouwelijkheid.rank(level):
        level = own
    name = (bestandsnaam or "document").rsplit("/", 1)[-1][:255]
    with transaction.atomic():
        document = informatieobject_create(
            informatieobjecttype=informatieobjecttype,
            content=content,
            vertrouwelijkheidaanduiding=level,
            bronorganisatie=settings.ORGANISATION_RSIN,
            creatiedatum=timezone.localdate(),
            titel=titel,
            auteur="Gemeente",
            status="definitief",
            formaat=mimetypes.guess_type(name)[0] or "application/octet-stream",
            taal="nld",
            bestandsnaam=name,
        )
        url = settings.SITE_URL.rstrip("/") + resource_path(
            "documenten", "enkelvoudiginformatieobjecten", document.uuid
        )
        zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=url, titel=titel)
    return document.uuid


def casework_besluit_add(*, zaak: Zaak, besluittype: BesluitType, toelichting: str) -> None:
    today = timezone.localdate()
    besluit_create(
        verantwoordelijke_organisatie=settings.ORGANISATION_RSIN,
        besluittype=besluittype,
        datum=today,
        ingangsdatum=today,
        zaak=zaak,
        toelichting=toelichting,
    )


# What the resident reads when the employee leaves "what the resident sees" empty (issue 21):
# stored in Dutch, like every case text, and saying nothing the employee did not choose to say.
_NEUTRAL_KANAAL = {
    "telefoon": "U belde met ons",
    "balie": "U was bij onze balie",
    "email": "U mailde ons",
    "chat": "U chatte met ons",
    "brief": "U stuurde ons een brief",
}


def neutral_summary(*, kanaal: str, zaak: Zaak | None) -> str:
    """A neutral sentence for the resident's timeline: how, and about which zaak."""
    how = _NEUTRAL_KANAAL.get(kanaal, "U had contact met ons")
    if zaak is not None:
        return f"{how} over uw zaak {zaak.identificatie}."
    return f"{how}."


def contactmoment_register(
    *,
    party: Party,
    employee: Employee,
    kanaal: str,
    over_status: bool,
    interne_notitie: str,
    voor_inwoner: str = "",
    zaak: Zaak | None,
    doorverwijzing: str = "",
    terugbelnummer: str = "",
    naam: str = "",
) -> None:
    """A phone call, desk visit, ... with the person in view (a klantcontact), optionally about
    one of their zaken; with ``doorverwijzing``, the question is referred to that zaak's case
    team (an internetaak) in the same transaction.

    The resident reads ``voor_inwoner`` (or a neutral summary); the employee's own
    ``interne_notitie`` stays internal (issue 21: "Mevrouw belt: ..." is not the resident's text).
    """
    with transaction.atomic():
        contact = klantcontact_register(
            party=party,
            kanaal=kanaal,
            onderwerp="vraag over status" if over_status else "overig",
            inhoud=voor_inwoner.strip() or neutral_summary(kanaal=kanaal, zaak=zaak),
            interne_notitie=interne_notitie.strip(),
            zaak_url=zaak_url(zaak) if zaak is not None else "",
            indicatie_contact_gelukt=True,
            actor_naam=employee.username,
        )
        if doorverwijzing and zaak is not None:
            # The case team may work in another system: the referral carries who, which zaak
            # and how to call back, so nobody has to look it up again (issue 21).
            lines = [
                f"Naam: {naam.strip()}" if naam.strip() else "",
                f"Zaak: {zaak.identificatie}",
                f"Terugbellen op: {terugbelnummer.strip()}" if terugbelnummer.strip() else "",
            ]
            toelichting = "\n".join(line for line in lines if line)
            referral_create(
                klantcontact=contact,
                zaak=zaak,
                gevraagde_handeling=doorverwijzing,
                toelichting=toelichting,
            )
