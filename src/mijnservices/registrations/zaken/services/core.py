"""The zaak itself and its status, rollen and resultaat: the ZGW rules of the model.

- a zaaktype must be published to be used (zrc-001);
- a status's statustype must belong to the zaak's zaaktype (zrc-016), likewise roltype
  (zrc-019) and resultaattype (zrc-020);
- the final status (highest volgnummer) needs a resultaat, sets ``einddatum`` and derives
  the archiving parameters (zrc-007, zrc-021); a later non-final status reopens the zaak
  and clears them (zrc-008);
- ``identificatie`` is unique per bronorganisatie, also under concurrent creation (zrc-002).

Every change records an outbox event in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign, model_update
from mijnservices.registrations.catalogi.models import ResultaatType, StatusType, ZaakType
from mijnservices.registrations.documenten import services as documenten
from mijnservices.registrations.zaken.models import (
    IdentificatieCounter,
    Resultaat,
    Rol,
    Status,
    SubStatus,
    Zaak,
    ZaakInformatieObject,
)
from mijnservices.registrations.zaken.services.archive import archive_parameters
from mijnservices.registrations.zaken.services.rules import (
    check_gebruiksrechten_specified,
    check_zaak_fields,
)


def _zaak_event(zaak: Zaak, *, resource: str, actie: str, resource_id: str) -> None:
    event_record(**_zaak_event_data(zaak, resource=resource, actie=actie, resource_id=resource_id))


def _zaak_event_data(zaak: Zaak, *, resource: str, actie: str, resource_id: str) -> dict[str, Any]:
    """The outbox event of a change to the zaak (``event_record``'s arguments; the bulk
    projection records many with ``events_record``)."""
    return dict(
        kanaal="zaken",
        resource=resource,
        actie=actie,
        hoofd_object=resource_path("zaken", "zaken", zaak.uuid),
        resource_id=resource_id,
        kenmerken={
            "bronorganisatie": zaak.bronorganisatie,
            "zaaktype": resource_path("catalogi", "zaaktypen", zaak.zaaktype.uuid),
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        },
        # A projection of an external zaak (decision 0029): our Notificaties API does not
        # publish it, the source does.
        payload={"bron": zaak.bron_url} if zaak.bron_url else None,
    )


def identificatie_generate(*, bronorganisatie: str, jaar: int) -> str:
    """Next ``ZAAK-<jaar>-<10 digits>`` for the organisation, in one atomic upsert."""
    table = IdentificatieCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bronorganisatie, jaar, laatste) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (bronorganisatie, jaar) DO UPDATE SET laatste = {table}.laatste + 1 "
            "RETURNING laatste",
            [bronorganisatie, jaar],
        )
        (number,) = cursor.fetchone()
    return f"ZAAK-{jaar}-{number:010d}"


def _zaak_build(
    *,
    zaaktype: ZaakType,
    omschrijving: str = "",
    startdatum: date,
    registratiedatum: date | None = None,
    bronorganisatie: str | None = None,
    identificatie: str = "",
    einddatum_gepland: date | None = None,
    uiterlijke_einddatum_afdoening: date | None = None,
    vertrouwelijkheidaanduiding: str = "",
    toelichting: str = "",
    bron_url: str = "",
    generate: bool = True,
    **fields: Any,
) -> Zaak:
    """:func:`zaak_create`'s checks and derived values: the zaak, not saved yet (the bulk
    projection saves many at once). Runs inside the caller's transaction. Without an
    ``identificatie`` one is drawn from the counter (a write, after every check), unless
    ``generate`` is False: then the caller draws it."""
    if zaaktype.concept:
        raise DomainError(
            "The zaaktype is not published yet.", code="not-published", field="zaaktype"
        )
    organisation = bronorganisatie or settings.ORGANISATION_RSIN
    now = timezone.now()
    registered = registratiedatum or timezone.localdate(now)
    # A zaak registered on an earlier day (migrated, demo data) was last active then, not
    # now; otherwise its backdated statuses could never move its "newest activity".
    first_activity = (
        now
        if registered >= timezone.localdate(now)
        else timezone.make_aware(datetime.combine(registered, time.min))
    )
    if (
        identificatie
        and not bron_url
        and Zaak.objects.filter(
            bronorganisatie=organisation, identificatie=identificatie, bron_url=""
        ).exists()
    ):
        raise DomainError(
            "This identificatie is already used by this organisation.",
            code="identificatie-niet-uniek",
            field="identificatie",
        )
    # Derived deadlines as Open Zaak does: legal deadline from the doorlooptijd,
    # the planned date from the (shorter) servicenorm.
    if uiterlijke_einddatum_afdoening is None:
        uiterlijke_einddatum_afdoening = startdatum + zaaktype.doorlooptijd
    if einddatum_gepland is None and zaaktype.servicenorm is not None:
        einddatum_gepland = startdatum + zaaktype.servicenorm
    fields = check_zaak_fields(zaak=None, zaaktype=zaaktype, fields=fields)
    fields.setdefault("verantwoordelijke_organisatie", organisation)
    if not identificatie and generate:
        identificatie = identificatie_generate(bronorganisatie=organisation, jaar=registered.year)
    return Zaak(
        zaaktype=zaaktype,
        identificatie=identificatie,
        bronorganisatie=organisation,
        omschrijving=omschrijving,
        toelichting=toelichting,
        registratiedatum=registered,
        startdatum=startdatum,
        einddatum_gepland=einddatum_gepland,
        uiterlijke_einddatum_afdoening=uiterlijke_einddatum_afdoening,
        vertrouwelijkheidaanduiding=(
            vertrouwelijkheidaanduiding or zaaktype.vertrouwelijkheidaanduiding
        ),
        laatste_activiteit=first_activity,
        bron_url=bron_url,
        **fields,
    )


def zaak_create(
    *,
    zaaktype: ZaakType,
    omschrijving: str = "",
    startdatum: date,
    registratiedatum: date | None = None,
    bronorganisatie: str | None = None,
    identificatie: str = "",
    einddatum_gepland: date | None = None,
    uiterlijke_einddatum_afdoening: date | None = None,
    vertrouwelijkheidaanduiding: str = "",
    toelichting: str = "",
    bron_url: str = "",
    **fields: Any,
) -> Zaak:
    """Create a zaak. ``fields`` are further Zaak attributes (ZGW 1.7: hoofdzaak,
    zaakgeometrie, betalingsindicatie, ...), checked by :func:`check_zaak_fields`.
    ``bron_url``: the zaak is a projection of this zaak at an external source; it keeps the
    source's identificatie, which is unique among our own zaken only (decision 0029).

    Every check runs before the first write, so a refused zaak leaves the caller's
    transaction as it was. The writes join the caller's transaction without savepoints
    (decision 0045): an error while writing (the identificatie race below, a database
    error) rolls the whole transaction back, the caller's work included; on its own the
    function is one transaction."""
    zaak = _zaak_build(
        zaaktype=zaaktype,
        omschrijving=omschrijving,
        startdatum=startdatum,
        registratiedatum=registratiedatum,
        bronorganisatie=bronorganisatie,
        identificatie=identificatie,
        einddatum_gepland=einddatum_gepland,
        uiterlijke_einddatum_afdoening=uiterlijke_einddatum_afdoening,
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
        toelichting=toelichting,
        bron_url=bron_url,
        generate=False,
        **fields,
    )
    with transaction.atomic(savepoint=False):
        if not zaak.identificatie:
            zaak.identificatie = identificatie_generate(
                bronorganisatie=zaak.bronorganisatie, jaar=zaak.registratiedatum.year
            )
        try:
            zaak.save(force_insert=True)
        except IntegrityError as exc:
            # A concurrent create took the identificatie after the check above.
            raise DomainError(
                "This identificatie is already used by this organisation.",
                code="identificatie-niet-uniek",
                field="identificatie",
            ) from exc
        _zaak_event(
            zaak,
            resource="zaak",
            actie="create",
            resource_id=resource_path("zaken", "zaken", zaak.uuid),
        )
    return zaak


def _resultaat_check(zaak: Zaak, resultaattype: ResultaatType) -> None:
    if resultaattype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "The resultaattype does not belong to the zaaktype of the zaak.",
            code="zaaktype-mismatch",
            field="nonFieldErrors",  # as Open Zaak and the ZGW suite (zrc-016 … zrc-020)
        )


@transaction.atomic
def resultaat_set(*, zaak: Zaak, resultaattype: ResultaatType, toelichting: str = "") -> Resultaat:
    _resultaat_check(zaak, resultaattype)
    resultaat, created = Resultaat.objects.update_or_create(
        zaak=zaak, defaults={"resultaattype": resultaattype, "toelichting": toelichting}
    )
    _zaak_event(
        zaak,
        resource="resultaat",
        actie="create" if created else "update",
        resource_id=resource_path("zaken", "resultaten", resultaat.uuid),
    )
    return resultaat


def _final_volgnummer(zaaktype_id: int) -> int | None:
    last = (
        StatusType.objects.filter(zaaktype_id=zaaktype_id)
        .order_by("-volgnummer")
        .values_list("volgnummer", flat=True)
        .first()
    )
    return last


@transaction.atomic
def status_set(
    *,
    zaak: Zaak,
    statustype: StatusType,
    datum_status_gezet: datetime | None = None,
    statustoelichting: str = "",
    gezetdoor: Rol | None = None,
    bron_url: str = "",
) -> Status:
    zaak = Zaak.objects.select_for_update().select_related("zaaktype").get(pk=zaak.pk)
    if gezetdoor is not None and gezetdoor.zaak_id != zaak.pk:
        raise DomainError(
            "The rol belongs to another zaak.", code="zaak-mismatch", field="gezetdoor"
        )
    moment = datum_status_gezet or timezone.now()
    is_final = _status_check(zaak, statustype, moment, _final_volgnummer(zaak.zaaktype_id))
    status = Status.objects.create(
        zaak=zaak,
        statustype=statustype,
        datum_status_gezet=moment,
        statustoelichting=statustoelichting,
        gezetdoor=gezetdoor,
        bron_url=bron_url,
    )
    changed = _status_moves(zaak, status, is_final=is_final)
    if changed:
        zaak.save(update_fields=changed)
    _zaak_event(
        zaak,
        resource="status",
        actie="create",
        resource_id=resource_path("zaken", "statussen", status.uuid),
    )
    return status


def _status_check(
    zaak: Zaak,
    statustype: StatusType,
    moment: datetime,
    final_volgnummer: int | None,
    *,
    has_resultaat: bool | None = None,
) -> bool:
    """:func:`status_set`'s rules for a new status; returns whether it is the final one.
    ``has_resultaat``: known already (the bulk projection), else asked when it matters."""
    if statustype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "The statustype does not belong to the zaaktype of the zaak.",
            code="zaaktype-mismatch",
            field="nonFieldErrors",  # as Open Zaak and the ZGW suite (zrc-016 … zrc-020)
        )
    # A status dated ahead would stay the current one until that moment (for ever, for the
    # year 3000): refused, as Open Zaak does, beyond a margin for clock differences.
    if moment > timezone.now() + timedelta(seconds=settings.STATUS_MAX_FUTURE_SECONDS):
        raise DomainError(
            "datumStatusGezet lies in the future.",
            code="date-in-future",
            field="datumStatusGezet",
        )
    is_final = statustype.volgnummer == final_volgnummer
    if is_final and has_resultaat is None:
        has_resultaat = Resultaat.objects.filter(zaak=zaak).exists()
    if is_final and not has_resultaat:
        raise DomainError(
            "A zaak can only get its final status when it has a resultaat.",
            code="resultaat-does-not-exist",
            field="statustype",
        )
    if is_final and zaak.pk is not None:  # a zaak not saved yet has no documents
        check_gebruiksrechten_specified(zaak)
    return is_final


def _status_moves(zaak: Zaak, status: Status, *, is_final: bool) -> list[str]:
    """What a new status changes on its zaak (not saved): the current status, closing or
    reopening, the newest activity. Returns the names of the changed fields."""
    moment = status.datum_status_gezet
    changed: list[str] = []
    current = zaak.status
    if current is None or moment >= current.datum_status_gezet:
        zaak.status = status
        changed.append("status")
        if is_final:
            zaak.einddatum = timezone.localdate(moment)
            changed.append("einddatum")
            # zrc-021: the resultaat decides the archiving regime.
            derived = archive_parameters(zaak)
            changed += model_assign(zaak, derived)
        elif zaak.einddatum is not None:
            # zrc-008: a non-final status reopens the zaak and clears what closing set.
            zaak.einddatum = None
            zaak.archiefactiedatum = None
            zaak.archiefnominatie = ""
            changed += ["einddatum", "archiefactiedatum", "archiefnominatie"]
    if moment > zaak.laatste_activiteit:
        zaak.laatste_activiteit = moment
        changed.append("laatste_activiteit")
    return changed


@transaction.atomic
def substatus_create(
    *,
    zaak: Zaak,
    omschrijving: str,
    tijdstip: datetime | None = None,
    doelgroep: str = "betrokkenen",
    status: Status | None = None,
) -> SubStatus:
    """Add an intermediate update under the zaak's current step (or a given status)."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    parent = status or zaak.status
    if parent is not None and parent.zaak_id != zaak.pk:
        raise DomainError("The status belongs to another zaak.", code="invalid", field="status")
    moment = tijdstip or timezone.now()
    substatus = SubStatus.objects.create(
        zaak=zaak, status=parent, omschrijving=omschrijving, tijdstip=moment, doelgroep=doelgroep
    )
    if doelgroep == "betrokkenen" and moment > zaak.laatste_activiteit:
        zaak.laatste_activiteit = moment
        zaak.save(update_fields=["laatste_activiteit"])
    _zaak_event(
        zaak,
        resource="substatus",
        actie="create",
        resource_id=resource_path("zaken", "substatussen", substatus.uuid),
    )
    return substatus


@transaction.atomic
def zaak_update(*, zaak: Zaak, **fields: Any) -> Zaak:
    """Change attributes of a zaak. Only ``identificatie`` is fixed once the zaak exists
    (Zaken 1.7); a new ``zaaktype`` must be published, a new ``bronorganisatie`` keep the
    identificatie unique (zrc-002)."""
    if "identificatie" in fields and fields.pop("identificatie") != zaak.identificatie:
        raise DomainError(
            "identificatie cannot change once the zaak exists.",
            code="wijzigen-niet-toegelaten",
            field="identificatie",
        )
    zaaktype = fields.get("zaaktype")
    if zaaktype is not None and zaaktype.concept:
        raise DomainError(
            "The zaaktype is not published yet.", code="not-published", field="zaaktype"
        )
    bron = fields.get("bronorganisatie")
    if (
        bron is not None
        and bron != zaak.bronorganisatie
        and Zaak.objects.filter(bronorganisatie=bron, identificatie=zaak.identificatie).exists()
    ):
        raise DomainError(
            "This identificatie is already used by that organisation.",
            code="identificatie-niet-uniek",
            field="bronorganisatie",
        )
    zaak = Zaak.objects.select_for_update().select_related("zaaktype").get(pk=zaak.pk)
    zaaktype = zaaktype or zaak.zaaktype
    moved = {name: fields.pop(name) for name in ("zaaktype", "bronorganisatie") if name in fields}
    fields = {**check_zaak_fields(zaak=zaak, zaaktype=zaaktype, fields=fields), **moved}
    if fields.get("vertrouwelijkheidaanduiding") == "":
        fields["vertrouwelijkheidaanduiding"] = zaaktype.vertrouwelijkheidaanduiding  # zrc-009
    model_update(instance=zaak, fields=fields)
    _zaak_event(
        zaak,
        resource="zaak",
        actie="partial_update",
        resource_id=resource_path("zaken", "zaken", zaak.uuid),
    )
    return zaak


@transaction.atomic
def zaak_delete(*, zaak: Zaak) -> None:
    """Delete the zaak and everything that belongs to it, deelzaken included (zrc-023). Its
    besluiten must go first (``pending-besluit-relation``, as Open Zaak): a besluit is a
    registration of its own, not part of the zaak."""
    from mijnservices.registrations.besluiten.models import Besluit

    if Besluit.objects.filter(Q(zaak=zaak) | Q(zaak__hoofdzaak=zaak)).exists():
        raise DomainError(
            "Delete the besluiten of the zaak (and of its deelzaken) first.",
            code="pending-besluit-relation",
        )
    resource_id = resource_path("zaken", "zaken", zaak.uuid)
    _zaak_event(zaak, resource="zaak", actie="destroy", resource_id=resource_id)
    # The pointer to the current status would block deleting statussen on some backends.
    Zaak.objects.filter(pk=zaak.pk).update(status=None)
    Zaak.objects.filter(hoofdzaak=zaak).update(status=None)
    # zrc-023h: the Documenten API's objectinformatieobjecten of its documents go too.
    for zio in ZaakInformatieObject.objects.filter(
        Q(zaak=zaak) | Q(zaak__hoofdzaak=zaak)
    ).select_related("zaak"):
        documenten.objectinformatieobject_unmirror(
            informatieobject=zio.informatieobject, object_type="zaak", object_uuid=zio.zaak.uuid
        )
    zaak.delete()


@transaction.atomic
def resultaat_create(
    *, zaak: Zaak, resultaattype: ResultaatType, toelichting: str = ""
) -> Resultaat:
    """A zaak has at most one resultaat (the API's create refuses a second one)."""
    if Resultaat.objects.filter(zaak=zaak).exists():
        raise DomainError("The zaak already has a resultaat.", code="unique", field="zaak")
    return resultaat_set(zaak=zaak, resultaattype=resultaattype, toelichting=toelichting)


@transaction.atomic
def resultaat_update(
    *,
    resultaat: Resultaat,
    resultaattype: ResultaatType | None = None,
    toelichting: str | None = None,
) -> Resultaat:
    return resultaat_set(
        zaak=resultaat.zaak,
        resultaattype=resultaattype or resultaat.resultaattype,
        toelichting=resultaat.toelichting if toelichting is None else toelichting,
    )


@transaction.atomic
def resultaat_delete(*, resultaat: Resultaat) -> None:
    zaak = resultaat.zaak
    resource_id = resource_path("zaken", "resultaten", resultaat.uuid)
    resultaat.delete()
    _zaak_event(zaak, resource="resultaat", actie="destroy", resource_id=resource_id)
