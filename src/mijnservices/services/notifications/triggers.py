"""From events to notifications. The outbox handler ``notifications_from_event`` runs in the
worker's transaction for each event of our own registrations, ``notifications_from_events``
for a whole batch (status changes planned in a constant number of queries); ``external``
does the same for a ZGW notificatie from an external Notificaties API. All are idempotent:
the notification's unique (event, recipient, channel) key makes a second run a no-op."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from mijnservices.core.formats import format_money
from mijnservices.core.identity import Party
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
from mijnservices.registrations.zaken.parties import party_of_rol
from mijnservices.services.access.parties import (
    party_and_representatives,
    zaak_parties,
    zaak_parties_many,
)
from mijnservices.services.access.policy import document_visible_to_citizens
from mijnservices.services.access.taken import zaak_uuid_of
from mijnservices.services.kpis.surveys import kto_invited_many
from mijnservices.services.mijnoverzicht.receipts import RECEIPT_TYPE
from mijnservices.services.notifications import switches
from mijnservices.services.notifications.models import Trigger
from mijnservices.services.notifications.services import Plan, ZaakRef, notify_many
from mijnservices.services.presentation.selectors import informeren_overrides

# Confirmation berichten whose e-mail is a receipt, not "you have a new message".
RECEIPT_TRIGGERS = {"BETAALD": Trigger.BETALING, RECEIPT_TYPE: Trigger.ONTVANGST}

_UUID = re.compile(r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$", re.I)


ZAAK_FIELDS = (
    "uuid",
    "identificatie",
    "omschrijving",
    "einddatum",
    "zaaktype__identificatie",
    "zaaktype__omschrijving",
    "zaaktype__publieke_omschrijving",
    "zaaktype__portaal_upload_informatieobjecttype",
    "zaaktype__stilte_signaal_dagen",
    "status__statustype__omschrijving",
)


def _uuid(path: str) -> UUID | None:
    match = _UUID.search(path)
    return UUID(match.group(1)) if match else None


def _zaak(zaak_uuid: UUID | None) -> Zaak | None:
    if zaak_uuid is None:
        return None
    return (
        Zaak.objects.select_related("zaaktype", "status__statustype").filter(uuid=zaak_uuid).first()
    )


def _on_zaak(event_id: str, trigger: str, zaak: Zaak | None) -> list[Plan]:
    if zaak is None or not switches.enabled(trigger, zaak):
        return []
    return [Plan(event_id, trigger, tuple(zaak_parties(zaak)), ZaakRef.of(zaak))]


def _old(moment: date | datetime | None) -> bool:
    """Old news is no news: a change dated more than NOTIFICATIONS_MAX_NEWS_AGE_DAYS ago (data
    loaded or migrated afterwards, the demo's history) notifies nobody."""
    if moment is None:
        return False
    if not isinstance(moment, datetime):
        moment = timezone.make_aware(datetime.combine(moment, time.min))
    return moment < timezone.now() - timedelta(days=int(settings.NOTIFICATIONS_MAX_NEWS_AGE_DAYS))


def _zaken(event_id: str, resource: str, actie: str, uuid: UUID | None) -> list[Plan]:
    if actie != "create" or uuid is None:
        return []
    if resource == "rol":
        rol = (
            Rol.objects.select_related("zaak__zaaktype", "zaak__status__statustype")
            .filter(uuid=uuid)
            .first()
        )
        party = party_of_rol(rol) if rol is not None else None
        if rol is None or party is None or _old(rol.zaak.registratiedatum):
            return []
        if switches.enabled(Trigger.ZAAK_ONTVANGEN, rol.zaak):
            return [Plan(event_id, Trigger.ZAAK_ONTVANGEN, (party,), ZaakRef.of(rol.zaak))]
    elif resource == "status":
        return _statuses([(event_id, uuid)])
    elif resource == "substatus":
        substatus = SubStatus.objects.select_related("zaak").filter(uuid=uuid).first()
        if (
            substatus is not None
            and substatus.doelgroep == "betrokkenen"
            and not _old(substatus.tijdstip)
        ):
            return _on_zaak(event_id, Trigger.SUBSTATUS, _zaak(substatus.zaak.uuid))
    elif resource == "zaakinformatieobject":
        zio = ZaakInformatieObject.objects.select_related("zaak").filter(uuid=uuid).first()
        document = _uuid(zio.informatieobject) if zio else None
        if zio is None or document is None or _old(zio.registratiedatum):
            return []
        if not document_visible_to_citizens(document):
            return []
        zaak = _zaak(zio.zaak.uuid)
        if zaak is not None and switches.citizen_upload(zaak, document):
            return []  # the citizen added it themself
        return _on_zaak(event_id, Trigger.DOCUMENT, zaak)
    return []


def _load_statuses(uuids: list[UUID]) -> dict[UUID, Status]:
    return {
        status.uuid: status
        for status in Status.objects.select_related(
            "statustype", "zaak__zaaktype", "zaak__status__statustype"
        )
        .only(
            "uuid",
            "datum_status_gezet",
            "statustype__informeren",
            "statustype__omschrijving",
            "statustype__volgnummer",
            "statustype__zaaktype",
            *(f"zaak__{name}" for name in ZAAK_FIELDS),
        )
        .filter(uuid__in=uuids)
    }


def _statuses(items: list[tuple[str, UUID]]) -> list[Plan]:
    """Plans for new statussen (event id, status uuid), in order: four queries for any number
    (statussen with their zaak, the last volgnummer per zaaktype, initiators, representatives),
    two when zaken closed (whether they invite to the KTO), plus two per batch for the
    recipients' details in ``notify_many``."""
    statuses = _load_statuses([uuid for _, uuid in items])
    last = dict(
        StatusType.objects.filter(
            zaaktype_id__in={s.statustype.zaaktype_id for s in statuses.values()}
        )
        .values_list("zaaktype_id")
        .annotate(Max("volgnummer"))
    )
    informs = informeren_overrides(s.zaak.zaaktype.identificatie for s in statuses.values())
    wanted: list[tuple[str, str, Status, dict[str, str]]] = []
    for event_id, uuid in items:
        status = statuses.get(uuid)
        if status is None or _old(status.datum_status_gezet):
            continue
        if status.statustype.volgnummer >= last.get(status.statustype.zaaktype_id, 0):
            trigger, scope = Trigger.ZAAK_AFGESLOTEN, {}
        elif informs.get(
            (status.zaak.zaaktype.identificatie, status.statustype.omschrijving),
            status.statustype.informeren,
        ):
            trigger, scope = Trigger.STATUS, {"statustype": status.statustype.omschrijving}
        else:
            continue
        if switches.enabled(trigger, status.zaak, **scope):
            wanted.append((event_id, trigger, status, scope))
    parties = zaak_parties_many({status.zaak_id for _, _, status, _ in wanted})
    # The closing e-mail invites to the satisfaction survey while it is open for the zaak.
    kto = kto_invited_many(
        [status.zaak for _, trigger, status, _ in wanted if trigger == Trigger.ZAAK_AFGESLOTEN]
    )
    return [
        Plan(
            event_id,
            trigger,
            tuple(parties[status.zaak_id]),
            ZaakRef.of(status.zaak, kto=status.zaak_id in kto),
        )
        for event_id, trigger, status, _ in wanted
    ]


def _besluiten(event_id: str, uuid: UUID | None) -> list[Plan]:
    from mijnservices.registrations.besluiten.models import Besluit

    besluit = Besluit.objects.select_related("zaak").filter(uuid=uuid).first() if uuid else None
    if besluit is not None and besluit.zaak_id is not None and not _old(besluit.datum):
        return _on_zaak(event_id, Trigger.BESLUIT, _zaak(besluit.zaak.uuid))  # type: ignore[union-attr]
    return []


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


def _ref(zaak: Zaak | None) -> ZaakRef | None:
    return ZaakRef.of(zaak) if zaak is not None else None


def _bericht(event_id: str, uuid: UUID | None) -> list[Plan]:
    bericht = Bericht.objects.filter(uuid=uuid).first() if uuid else None
    party = party_of_columns(bericht) if bericht else None
    if bericht is None or party is None or _old(bericht.publicatiedatum):
        return []
    trigger = RECEIPT_TRIGGERS.get(bericht.bericht_type, Trigger.BERICHT)
    zaak = _ref(related_zaak(bericht))
    # A confirmation names what was received and when: its e-mail carries the bericht's text.
    values = (("bericht_tekst", bericht.bericht_tekst),) if trigger != Trigger.BERICHT else ()
    parties = tuple(party_and_representatives(party))
    return [Plan(event_id, trigger, parties, zaak, bericht.publicatiedatum, values)]


def task_line(taak: ExterneTaak) -> str:
    """One task in an e-mail (issue 21: say which task; for a payment, how much and what for)."""
    deadline = taak.einddatum_handelings_termijn
    by = f", uiterlijk {deadline.day}-{deadline.month}-{deadline.year}" if deadline else ""
    if taak.taak_soort == "betaaltaak":
        amount = format_money(taak.details.get("bedrag"))
        what = str(taak.details.get("transactieomschrijving") or "")
        return f"- {taak.titel}: betaal {amount}{f' voor {what}' if what else ''}{by}"
    return f"- {taak.titel}{by}"


def _taak(event_id: str, uuid: UUID | None) -> list[Plan]:
    taak = ExterneTaak.objects.filter(uuid=uuid).first() if uuid else None
    party = party_of_columns(taak) if taak else None
    if taak is None or party is None or taak.status != "open" or _old(taak.startdatum):
        return []
    values = (("taken", task_line(taak)),)
    parties = tuple(party_and_representatives(party))
    return [Plan(event_id, Trigger.TAAK, parties, _ref(related_zaak(taak)), None, values)]


def tasks_combined(plans: list[Plan]) -> list[Plan]:
    """Several new tasks for one person in one batch become one e-mail listing them all
    (issue 21), at the place of the first."""
    first: dict[tuple[Party, ...], int] = {}
    combined: list[Plan] = []
    for plan in plans:
        if plan.trigger != Trigger.TAAK:
            combined.append(plan)
            continue
        if plan.parties not in first:
            first[plan.parties] = len(combined)
            combined.append(plan)
            continue
        index = first[plan.parties]
        earlier = combined[index]
        lines = dict(earlier.values).get("taken", "") + "\n" + dict(plan.values).get("taken", "")
        zaak = earlier.zaak if earlier.zaak == plan.zaak else None
        combined[index] = replace(earlier, zaak=zaak, values=(("taken", lines),))
    return combined


def _answers(uuids: list[UUID]) -> set[UUID]:
    """Which klantcontacten answer a question (an onderwerpobject refers back): one query."""
    return set(
        Onderwerpobject.objects.filter(
            klantcontact__uuid__in=uuids, was_klantcontact__isnull=False
        ).values_list("klantcontact__uuid", flat=True)
    )


def _klantcontact(event_id: str, uuid: UUID | None, *, answer: bool | None = None) -> list[Plan]:
    """An answer to a question: a klantcontact whose onderwerpobject refers back to it."""
    if uuid is None:
        return []
    if answer is None:
        answer = uuid in _answers([uuid])
    if not answer:
        return []  # not an answer (most klantcontacten: calls, and our own notifications)
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
        return []
    onderwerpen = list(contact.onderwerpobjecten.all())
    if not any(o.was_klantcontact_id for o in onderwerpen):
        return []
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
    return [Plan(event_id, Trigger.VRAAG_BEANTWOORD, tuple(parties), _ref(zaak))]


def plans_for_event(event: OutboxEvent) -> list[Plan]:
    """What one event of our registrations asks to notify."""
    uuid = _uuid(event.resource_id)
    event_id = str(event.id)
    if event.kanaal == "zaken":
        return _zaken(event_id, event.resource, event.actie, uuid)
    if event.actie != "create":
        return []
    if event.kanaal == "besluiten" and event.resource == "besluit":
        return _besluiten(event_id, uuid)
    if event.kanaal == "berichten" and event.resource == "bericht":
        return _bericht(event_id, uuid)
    if event.kanaal == "taken":
        return _taak(event_id, uuid)
    if event.kanaal == "klantinteracties" and event.resource == "klantcontact":
        return _klantcontact(event_id, uuid)
    return []


def notifications_from_event(event: OutboxEvent) -> None:
    """Outbox handler: turn one event of our registrations into notifications."""
    notify_many(plans_for_event(event))


def _status_create(event: OutboxEvent) -> bool:
    return event.kanaal == "zaken" and event.resource == "status" and event.actie == "create"


def _klantcontact_create(event: OutboxEvent) -> bool:
    return (
        event.kanaal == "klantinteracties"
        and event.resource == "klantcontact"
        and event.actie == "create"
    )


def notifications_from_events(events: list[OutboxEvent]) -> None:
    """Batch handler, same outcome as ``notifications_from_event`` on each event in order:
    the frequent events — status changes, and the klantcontacten our own notifications
    register — take a constant number of queries for the whole batch."""
    statuses = [
        (str(e.id), uuid) for e in events if _status_create(e) and (uuid := _uuid(e.resource_id))
    ]
    status_plans = {plan.event_id: plan for plan in _statuses(statuses)} if statuses else {}
    contacts = [uuid for e in events if _klantcontact_create(e) and (uuid := _uuid(e.resource_id))]
    answers = _answers(contacts) if contacts else set()
    plans: list[Plan] = []
    for event in events:
        if _status_create(event):
            plans += [status_plans[str(event.id)]] if str(event.id) in status_plans else []
        elif _klantcontact_create(event):
            uuid = _uuid(event.resource_id)
            plans += _klantcontact(str(event.id), uuid, answer=uuid in answers)
        else:
            plans += plans_for_event(event)
    notify_many(tasks_combined(plans))
