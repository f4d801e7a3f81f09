"""Zaakobjecten, zaakinformatieobjecten and zaakeigenschappen of a zaak."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.catalogi.models import Eigenschap, ZaakObjectType
from mijnservices.registrations.documenten import services as documenten
from mijnservices.registrations.zaken.models import (
    ObjectType,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from mijnservices.registrations.zaken.services.core import _zaak_event


def _check_zaakobjecttype(zaak: Zaak, zaakobjecttype: ZaakObjectType | None) -> None:
    if zaakobjecttype is not None and zaakobjecttype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "The zaakobjecttype does not belong to the zaaktype of the zaak.",
            code="zaaktype-mismatch",
            field="nonFieldErrors",  # as Open Zaak and the ZGW suite (zrc-016 … zrc-020)
        )


def _check_object(fields: dict[str, Any]) -> None:
    if not fields.get("object") and not fields.get("object_identificatie"):
        raise DomainError(
            "Give the object's URL or its objectIdentificatie.",
            code="invalid-zaakobject",
            field="object",
        )
    if fields.get("object_type") == ObjectType.OVERIGE and not fields.get("object_type_overige"):
        raise DomainError(
            "objectTypeOverige is required when objectType is overige.",
            code="required",
            field="object_type_overige",
        )


@transaction.atomic
def zaakobject_create(
    *, zaak: Zaak, object_type: str, zaakobjecttype: ZaakObjectType | None = None, **fields: Any
) -> ZaakObject:
    _check_zaakobjecttype(zaak, zaakobjecttype)
    _check_object({"object_type": object_type, **fields})
    zaakobject = ZaakObject.objects.create(
        zaak=zaak, object_type=object_type, zaakobjecttype=zaakobjecttype, **fields
    )
    _zaak_event(
        zaak,
        resource="zaakobject",
        actie="create",
        resource_id=resource_path("zaken", "zaakobjecten", zaakobject.uuid),
    )
    return zaakobject


@transaction.atomic
def zaakobject_update(*, zaakobject: ZaakObject, **fields: Any) -> ZaakObject:
    if "zaak" in fields and fields.pop("zaak").pk != zaakobject.zaak_id:
        raise DomainError(
            "A zaakobject cannot move to another zaak.",
            code="wijzigen-niet-toegelaten",
            field="zaak",
        )
    _check_zaakobjecttype(zaakobject.zaak, fields.get("zaakobjecttype", zaakobject.zaakobjecttype))
    model_assign(zaakobject, fields)
    _check_object({f.name: getattr(zaakobject, f.name) for f in ZaakObject._meta.fields})
    zaakobject.save()
    _zaak_event(
        zaakobject.zaak,
        resource="zaakobject",
        actie="update",
        resource_id=resource_path("zaken", "zaakobjecten", zaakobject.uuid),
    )
    return zaakobject


@transaction.atomic
def zaakobject_delete(*, zaakobject: ZaakObject) -> None:
    resource_id = resource_path("zaken", "zaakobjecten", zaakobject.uuid)
    zaak = zaakobject.zaak
    zaakobject.delete()
    _zaak_event(zaak, resource="zaakobject", actie="destroy", resource_id=resource_id)


@transaction.atomic
def zaakinformatieobject_create(
    *, zaak: Zaak, informatieobject: str, titel: str = "", beschrijving: str = "", **fields: Any
) -> ZaakInformatieObject:
    if ZaakInformatieObject.objects.filter(zaak=zaak, informatieobject=informatieobject).exists():
        raise DomainError(
            "This informatieobject is already related to the zaak.",
            code="unique",
            field="informatieobject",
        )
    zio = ZaakInformatieObject.objects.create(
        zaak=zaak,
        informatieobject=informatieobject,
        titel=titel,
        beschrijving=beschrijving,
        registratiedatum=fields.pop("registratiedatum", None) or timezone.now(),
        **fields,
    )
    # zrc: the Documenten API's objectinformatieobject, in this transaction, for our documents.
    documenten.objectinformatieobject_mirror(
        informatieobject=informatieobject, object_type="zaak", object_uuid=zaak.uuid
    )
    _zaak_event(
        zaak,
        resource="zaakinformatieobject",
        actie="create",
        resource_id=resource_path("zaken", "zaakinformatieobjecten", zio.uuid),
    )
    return zio


@transaction.atomic
def zaakinformatieobject_update(
    *, zaakinformatieobject: ZaakInformatieObject, **fields: Any
) -> ZaakInformatieObject:
    for fixed in ("zaak", "informatieobject"):
        if fixed in fields:
            current = getattr(zaakinformatieobject, fixed)
            if fields.pop(fixed) != current:
                raise DomainError(
                    f"{fixed} cannot change.", code="wijzigen-niet-toegelaten", field=fixed
                )
    model_assign(zaakinformatieobject, fields)
    zaakinformatieobject.save()
    _zaak_event(
        zaakinformatieobject.zaak,
        resource="zaakinformatieobject",
        actie="update",
        resource_id=resource_path("zaken", "zaakinformatieobjecten", zaakinformatieobject.uuid),
    )
    return zaakinformatieobject


@transaction.atomic
def zaakinformatieobject_delete(*, zaakinformatieobject: ZaakInformatieObject) -> None:
    resource_id = resource_path("zaken", "zaakinformatieobjecten", zaakinformatieobject.uuid)
    zaak = zaakinformatieobject.zaak
    zaakinformatieobject.delete()
    documenten.objectinformatieobject_unmirror(
        informatieobject=zaakinformatieobject.informatieobject,
        object_type="zaak",
        object_uuid=zaak.uuid,
    )
    _zaak_event(zaak, resource="zaakinformatieobject", actie="destroy", resource_id=resource_id)


@transaction.atomic
def zaakeigenschap_create(*, zaak: Zaak, eigenschap: Eigenschap, waarde: str) -> ZaakEigenschap:
    if eigenschap.zaaktype_id != zaak.zaaktype_id:  # zrc-018
        raise DomainError(
            "The eigenschap does not belong to the zaaktype of the zaak.",
            code="zaaktype-mismatch",
            field="nonFieldErrors",  # as Open Zaak and the ZGW suite (zrc-016 … zrc-020)
        )
    zaakeigenschap = ZaakEigenschap.objects.create(
        zaak=zaak, eigenschap=eigenschap, naam=eigenschap.naam, waarde=waarde
    )
    _zaak_event(
        zaak,
        resource="zaakeigenschap",
        actie="create",
        resource_id=resource_path(
            "zaken", f"zaken/{zaak.uuid}/zaakeigenschappen", zaakeigenschap.uuid
        ),
    )
    return zaakeigenschap
