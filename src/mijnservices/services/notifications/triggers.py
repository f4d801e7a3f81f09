"""From events to notifications. The outbox handler ``notifications_from_event`` runs in the
worker's transaction for each event of our own registrations; ``notifications_from_notificatie``
does the same for a ZGW notificatie from an external Notificaties API. Both are idempotent:
the notification's unique (event, recipient, channel) key makes a second run a no-op."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.utils import timezone

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.klantinteracties.models import Klantcontact, Onderwerpobject
from mijnservices.registrations.klantinteracties.selectors import party_of
from mijnservices.registrations.taken.models import ExterneTaak
from mijnservices.registrations.zaken.models import (
    Rol,
    Status,
    SubStatus,
    Zaak,
    ZaakInformatieObject,
)
from mijnservices.services.access.policy import document_visible_to_citizens
from mijnservices.services.access.principals import Party
from mijnservices.services.access.taken import zaak_uuid_of
from mijnservices.services.notifications import switches
from mijnservices.services.notifications.models import Trigger
from mijnservices.services.notifications.recipients import INITIATOR, party_of_rol, zaak_parties
from mijnservices.services.notifications.services import notify

_UUID = re.compile(r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$", re.I)


ZAAK_FIELDS = (
    "uuid",
    "identificatie",
    "omschrijving",
    "zaaktype__identificatie",
    "zaaktype__portaal_upload_informatieobjecttype",
    "zaaktype__stilte_signaal_dagen",
    "status__statustype__omschrijving",
)


def _uuid(path: str) -> UUID | None:
    match = _UUID.search(path)
    return UUID(match.group(1)) if match else None


def _final(statustype: StatusType) -> bool:
    """Whether the statustype is its zaaktype's last (one indexed EXISTS)."""
    return not StatusType.objects.filter(
        zaaktype_id=statustype.zaaktype_id, volgnummer__gt=statustype.volgnummer
    ).exists()


def _zaak(zaak_uuid: UUID | None) -> Zaak | None:
    if zaak_uuid is None:
        return None
    return (
        Zaak.objects.select_related("zaaktype", "status__statustype").filter(uuid=zaak_uuid).first()
    )


def _on_zaak(event_id: str, trigger: str, zaak: Zaak | None, **scope: str) -> None:
    if zaak is None or not switches.enabled(trigger, zaak, **scope):
        return
    notify(event_id=event_id, trigger=trigger, parties=zaak_parties(zaak), zaak=zaak)


def _old(moment: date | datetime | None) -> bool:
    """Old news is no news: a change dated more than NOTIFICATIONS_MAX_NEWS_AGE_DAYS ago (data
    loaded or migrated afterwards, the demo's history) notifies nobody."""
    if moment is None:
        return False
    if not isinstance(moment, datetime):
        moment = timezone.make_aware(datetime.combine(moment, time.min))
    return moment < timezone.now() - timedelta(days=int(settings.NOTIFICATIONS_MAX_NEWS_AGE_DAYS))


def _zaken(event_id: str, resource: str, actie: str, uuid: UUID | None) -> None:
    if actie != "create" or uuid is None:
        return
    if resource == "rol":
        rol = (
            Rol.objects.select_related("zaak__zaaktype", "zaak__status__statustype")
            .filter(uuid=uuid)
            .first()
        )
        if rol is None or rol.omschrijving_generiek != INITIATOR or _old(rol.zaak.registratiedatum):
            return
        party = party_of_rol(rol)
        if party is not None and switches.enabled(Trigger.ZAAK_ONTVANGEN, rol.zaak):
            notify(
                event_id=event_id, trigger=Trigger.ZAAK_ONTVANGEN, parties=[party], zaak=rol.zaak
            )
    elif resource == "status":
        status = (
            Status.objects.select_related(
                "statustype", "zaak__zaaktype", "zaak__status__statustype"
            )
            .only(
                "datum_status_gezet",
                "statustype__informeren",
                "statustype__omschrijving",
                "statustype__volgnummer",
                "statustype__zaaktype",
                *(f"zaak__{name}" for name in ZAAK_FIELDS),
            )
            .filter(uuid=uuid)
            .first()
        )
        if status is None or _old(status.datum_status_gezet):
            return
        if _final(status.statustype):
            _on_zaak(event_id, Trigger.ZAAK_AFGESLOTEN, status.zaak)
        elif status.statustype.informeren:
            _on_zaak(
                event_id, Trigger.STATUS, status.zaak, statustype=status.statustype.omschrijving
            )
    elif resource == "substatus":
        substatus = SubStatus.objects.select_related("zaak").filter(uuid=uuid).first()
        if (
            substatus is not None
            and substatus.doelgroep == "betrokkenen"
            and not _old(substatus.tijdstip)
        ):
            _on_zaak(event_id, Trigger.SUBSTATUS, _zaak(substatus.zaak.uuid))
    elif resource == "zaakinformatieobject":
        zio = ZaakInformatieObject.objects.select_related("zaak").filter(uuid=uuid).first()
        document = _uuid(zio.informatieobject) if zio else None
        if zio is None or document is None or _old(zio.registratiedatum):
            return
        if not document_visible_to_citizens(document):
            return
        zaak = _zaak(zio.zaak.uuid)
        if zaak is not None and switches.citizen_upload(zaak, document):
            return  # the citizen added it themself
        _on_zaak(event_id, Trigger.DOCUMENT, zaak)


def _besluiten(event_id: str, uuid: UUID | None) -> None:
    from mijnservices.registrations.besluiten.models import Besluit

    besluit = Besluit.objects.select_related("zaak").filter(uuid=uuid).first() if uuid else None
    if besluit is not None and besluit.zaak_id is not None and not _old(besluit.datum):
        _on_zaak(event_id, Trigger.BESLUIT, _zaak(besluit.zaak.uuid))  # type: ignore[union-attr]


def party_of_columns(obj: Any) -> Party | None:
    if obj.party_kind == "bsn" and obj.party_identifier:
        return Party(kind="bsn", identifier=obj.party_identifier)
    if obj.party_kind == "kvk" and obj.party_identifier:
        return Party(kind="kvk", identifier=obj.party_identifier, vestiging=obj.party_vestiging)
    return None


def related_zaak(obj: Any) -> Zaak | None:
    for reference in obj.is_gerelateerd_aan or []:
        if (zaak := _zaak(zaak_uuid_of(str(reference)))) is not None:
            return zaak
    return None


def _bericht(event_id: str, uuid: UUID | None) -> None:
    bericht = Bericht.objects.filter(uuid=uuid).first() if uuid else None
    party = party_of_columns(bericht) if bericht else None
    if bericht is None or party is None or _old(bericht.publicatiedatum):
        return
    trigger = Trigger.BETALING if bericht.bericht_type == "BETAALD" else Trigger.BERICHT
    notify(
        event_id=event_id,
        trigger=trigger,
        parties=[party],
        zaak=related_zaak(bericht),
        not_before=bericht.publicatiedatum,
    )


def _taak(event_id: str, uuid: UUID | None) -> None:
    taak = ExterneTaak.objects.filter(uuid=uuid).first() if uuid else None
    party = party_of_columns(taak) if taak else None
    if taak is None or party is None or taak.status != "open" or _old(taak.startdatum):
        return
    notify(event_id=event_id, trigger=Trigger.TAAK, parties=[party], zaak=related_zaak(taak))


def _klantcontact(event_id: str, uuid: UUID | None) -> None:
    """An answer to a question: a klantcontact whose onderwerpobject refers back to it."""
    if (
        uuid is None
        or not Onderwerpobject.objects.filter(
            klantcontact__uuid=uuid, was_klantcontact__isnull=False
        ).exists()
    ):
        return  # not an answer (most klantcontacten: calls, and our own notifications)
    contact = (
        Klantcontact.objects.prefetch_related(
            "onderwerpobjecten", "betrokkenen__partij__identificatoren"
        )
        .filter(uuid=uuid)
        .first()
        if uuid
        else None
    )
    if contact is None or _old(contact.plaatsgevonden_op):
        return
    onderwerpen = list(contact.onderwerpobjecten.all())
    if not any(o.was_klantcontact_id for o in onderwerpen):
        return
    parties = [
        p
        for b in contact.betrokkenen.all()
        if b.partij is not None and (p := party_of(b.partij)) is not None
    ]
    zaak = next(
        (
            z
            for o in onderwerpen
            if o.code_objecttype == "zgw-Zaak" and (z := _zaak(_uuid(o.object_id)))
        ),
        None,
    )
    notify(event_id=event_id, trigger=Trigger.VRAAG_BEANTWOORD, parties=parties, zaak=zaak)


def notifications_from_event(event: OutboxEvent) -> None:
    """Outbox handler: turn one event of our registrations into notifications."""
    uuid = _uuid(event.resource_id)
    event_id = str(event.id)
    if event.kanaal == "zaken":
        _zaken(event_id, event.resource, event.actie, uuid)
    elif event.kanaal == "besluiten" and event.resource == "besluit" and event.actie == "create":
        _besluiten(event_id, uuid)
    elif event.kanaal == "berichten" and event.resource == "bericht" and event.actie == "create":
        _bericht(event_id, uuid)
    elif event.kanaal == "taken" and event.actie == "create":
        _taak(event_id, uuid)
    elif (
        event.kanaal == "klantinteracties"
        and event.resource == "klantcontact"
        and event.actie == "create"
    ):
        _klantcontact(event_id, uuid)
