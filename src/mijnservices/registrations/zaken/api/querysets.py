"""The querysets the Zaken API serialises from: everything a representation touches is
loaded up front, so a page costs the same number of queries for 1 or 100 objects.

These are *unscoped*; the viewsets and the expander always narrow them with
:mod:`mijnservices.services.access.policy` before reading.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from mijnservices.registrations.zaken.models import (
    AuditTrail,
    KlantContact,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)


def _uuids(model: type, *extra: str) -> QuerySet:  # type: ignore[type-arg]
    # Ordered by pk: the links of a representation come in a stable order (decision 0039).
    return model._default_manager.only("pk", "uuid", *extra).order_by("pk")  # type: ignore[attr-defined, no-any-return]


def zaken() -> QuerySet[Zaak]:
    return (
        Zaak.objects.select_related("zaaktype", "hoofdzaak", "status", "resultaat")
        .only(
            *[f.name for f in Zaak._meta.concrete_fields],
            "zaaktype__uuid",
            "hoofdzaak__uuid",
            "status__uuid",
            "resultaat__uuid",
        )
        .prefetch_related(
            Prefetch("deelzaken", queryset=_uuids(Zaak, "hoofdzaak_id")),
            Prefetch("rollen", queryset=_uuids(Rol, "zaak_id")),
            Prefetch("zaakobjecten", queryset=_uuids(ZaakObject, "zaak_id")),
            Prefetch("zaakinformatieobjecten", queryset=_uuids(ZaakInformatieObject, "zaak_id")),
            Prefetch("zaakeigenschappen", queryset=_uuids(ZaakEigenschap, "zaak_id")),
        )
        .order_by("pk")
    )


def statussen() -> QuerySet[Status]:
    return (
        Status.objects.select_related("zaak", "statustype", "gezetdoor")
        .only(
            *[f.name for f in Status._meta.concrete_fields],
            "zaak__uuid",
            "zaak__status_id",
            "statustype__uuid",
            "gezetdoor__uuid",
        )
        .prefetch_related(
            Prefetch("zaakinformatieobjecten", queryset=_uuids(ZaakInformatieObject, "status_id"))
        )
        .order_by("pk")
    )


def resultaten() -> QuerySet[Resultaat]:
    return Resultaat.objects.select_related("zaak", "resultaattype").order_by("pk")


def rollen() -> QuerySet[Rol]:
    return (
        Rol.objects.select_related("zaak", "roltype")
        .prefetch_related(Prefetch("statussen", queryset=_uuids(Status, "gezetdoor_id")))
        .order_by("pk")
    )


def zaakobjecten() -> QuerySet[ZaakObject]:
    return ZaakObject.objects.select_related("zaak", "zaakobjecttype").order_by("pk")


def zaakinformatieobjecten() -> QuerySet[ZaakInformatieObject]:
    return ZaakInformatieObject.objects.select_related("zaak", "status").order_by("pk")


def zaakeigenschappen() -> QuerySet[ZaakEigenschap]:
    return ZaakEigenschap.objects.select_related("zaak", "eigenschap").order_by("pk")


def audittrail() -> QuerySet[AuditTrail]:
    return AuditTrail.objects.select_related("zaak").order_by("aanmaakdatum", "pk")


def klantcontacten() -> QuerySet[KlantContact]:
    return KlantContact.objects.select_related("zaak").order_by("pk")


def zaakcontactmomenten() -> QuerySet[ZaakContactMoment]:
    return ZaakContactMoment.objects.select_related("zaak").order_by("pk")


def zaakverzoeken() -> QuerySet[ZaakVerzoek]:
    return ZaakVerzoek.objects.select_related("zaak").order_by("pk")


def zaaknotities() -> QuerySet[ZaakNotitie]:
    return ZaakNotitie.objects.select_related("zaak").order_by("pk")
