"""Objectinformatieobjecten (the document side of zaak/besluit relations, drc-006/007) and
gebruiksrechten.

A ZaakInformatieObject or BesluitInformatieObject that names one of OUR documents calls
:func:`objectinformatieobject_mirror` / :func:`objectinformatieobject_unmirror` inside its own
transaction, so both sides are written or neither is.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from django.conf import settings
from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import API_MOUNTS, resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    ObjectInformatieObject,
)
from mijnservices.registrations.documenten.services.documents import document_event

_UUID = r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"


def _ours(url: str, api: str, collection: str) -> str | None:
    """The uuid in ``url`` when it names a resource of this installation's ``api``."""
    base = settings.SITE_URL.rstrip("/") + API_MOUNTS[api] + f"/{collection}/"
    match = re.fullmatch(re.escape(base) + _UUID + "/?", url)
    return match.group(1).lower() if match else None


def document_for_url(url: str) -> EnkelvoudigInformatieObject | Literal[False] | None:
    """Our document for ``url``; ``False`` when the URL is not ours at all."""
    uuid = _ours(url, "documenten", "enkelvoudiginformatieobjecten")
    if uuid is None:
        return False
    return (
        EnkelvoudigInformatieObject.objects.select_related("huidige_versie__informatieobjecttype")
        .filter(uuid=uuid)
        .first()
    )


def object_url(object_type: str, uuid: object) -> str:
    api, collection = {"zaak": ("zaken", "zaken"), "besluit": ("besluiten", "besluiten")}[
        object_type
    ]
    return settings.SITE_URL.rstrip("/") + resource_path(api, collection, str(uuid))


def _oio_event(oio: ObjectInformatieObject, actie: str) -> None:
    document_event(
        oio.informatieobject,
        resource="objectinformatieobject",
        actie=actie,
        resource_id=resource_path("documenten", "objectinformatieobjecten", oio.uuid),
    )


def _relation_exists(
    *, informatieobject: EnkelvoudigInformatieObject, object: str, object_type: str
) -> bool | None:
    """Whether our Zaken/Besluiten registration holds the other side; ``None`` if the
    object is not ours (then we cannot check, as for external zaken)."""
    document = settings.SITE_URL.rstrip("/") + resource_path(
        "documenten", "enkelvoudiginformatieobjecten", informatieobject.uuid
    )
    if object_type == "zaak":
        uuid = _ours(object, "zaken", "zaken")
        if uuid is None:
            return None
        from mijnservices.registrations.zaken.models import ZaakInformatieObject

        return ZaakInformatieObject.objects.filter(
            zaak__uuid=uuid, informatieobject=document
        ).exists()
    if object_type == "besluit":
        uuid = _ours(object, "besluiten", "besluiten")
        if uuid is None:
            return None
        from mijnservices.registrations.besluiten.models import BesluitInformatieObject

        return BesluitInformatieObject.objects.filter(
            besluit__uuid=uuid, informatieobject=document
        ).exists()
    return None


@transaction.atomic
def objectinformatieobject_create(
    *, informatieobject: EnkelvoudigInformatieObject, object: str, object_type: str
) -> ObjectInformatieObject:
    """Through the API (drc-006): the relation must exist on the object's side first."""
    if (
        _relation_exists(informatieobject=informatieobject, object=object, object_type=object_type)
        is False
    ):
        raise DomainError(
            f"The {object_type} has no relation to this document.",
            code="inconsistent-relation",
        )
    if ObjectInformatieObject.objects.filter(
        informatieobject=informatieobject, object=object
    ).exists():
        raise DomainError("This object is already related to the document.", code="unique")
    oio = ObjectInformatieObject.objects.create(
        informatieobject=informatieobject, object=object, object_type=object_type
    )
    _oio_event(oio, "create")
    return oio


@transaction.atomic
def objectinformatieobject_delete(*, objectinformatieobject: ObjectInformatieObject) -> None:
    """Through the API (drc-007): only once the object's side is gone."""
    oio = objectinformatieobject
    if _relation_exists(
        informatieobject=oio.informatieobject, object=oio.object, object_type=oio.object_type
    ):
        raise DomainError(
            f"The {oio.object_type} still relates to this document; remove that first.",
            code="inconsistent-relation",
        )
    _oio_event(oio, "destroy")
    oio.delete()


@transaction.atomic
def objectinformatieobject_mirror(
    *, informatieobject: str, object_type: str, object_uuid: object
) -> ObjectInformatieObject | None:
    """Called by the zaken/besluiten services when a relation to a document is created:
    for OUR documents, create the OIO in the same transaction. External URLs: nothing."""
    document = document_for_url(informatieobject)
    if document is False:
        return None
    if document is None:
        raise DomainError(
            "The informatieobject does not exist in this Documenten API.",
            code="does-not-exist",
            field="informatieobject",
        )
    oio, _ = ObjectInformatieObject.objects.get_or_create(
        informatieobject=document,
        object=object_url(object_type, object_uuid),
        defaults={"object_type": object_type},
    )
    _oio_event(oio, "create")
    return oio


@transaction.atomic
def objectinformatieobject_unmirror(
    *, informatieobject: str, object_type: str, object_uuid: object
) -> None:
    document = document_for_url(informatieobject)
    if not isinstance(document, EnkelvoudigInformatieObject):
        return
    for oio in ObjectInformatieObject.objects.filter(
        informatieobject=document, object=object_url(object_type, object_uuid)
    ):
        _oio_event(oio, "destroy")
        oio.delete()


def _gebruiksrecht_indicatie(document: EnkelvoudigInformatieObject) -> None:
    """drc-009: ``indicatieGebruiksrecht`` follows whether gebruiksrechten exist (on the
    current version, without a new version: it is derived, not edited)."""
    versie = document.huidige_versie
    assert versie is not None
    versie.indicatie_gebruiksrecht = True if document.gebruiksrechten.exists() else None
    versie.save(update_fields=["indicatie_gebruiksrecht"])


@transaction.atomic
def gebruiksrechten_create(
    *,
    informatieobject: EnkelvoudigInformatieObject,
    startdatum: datetime,
    omschrijving_voorwaarden: str,
    einddatum: datetime | None = None,
) -> Gebruiksrechten:
    recht = Gebruiksrechten.objects.create(
        informatieobject=informatieobject,
        startdatum=startdatum,
        einddatum=einddatum,
        omschrijving_voorwaarden=omschrijving_voorwaarden,
    )
    _gebruiksrecht_indicatie(informatieobject)
    document_event(
        informatieobject,
        resource="gebruiksrechten",
        actie="create",
        resource_id=resource_path("documenten", "gebruiksrechten", recht.uuid),
    )
    return recht


@transaction.atomic
def gebruiksrechten_update(
    *, gebruiksrechten: Gebruiksrechten, **fields: object
) -> Gebruiksrechten:
    if "informatieobject" in fields and fields.pop("informatieobject") != (
        gebruiksrechten.informatieobject
    ):
        raise DomainError(
            "informatieobject cannot change.",
            code="wijzigen-niet-toegelaten",
            field="informatieobject",
        )
    model_assign(gebruiksrechten, fields)
    gebruiksrechten.save()
    document_event(
        gebruiksrechten.informatieobject,
        resource="gebruiksrechten",
        actie="update",
        resource_id=resource_path("documenten", "gebruiksrechten", gebruiksrechten.uuid),
    )
    return gebruiksrechten


@transaction.atomic
def gebruiksrechten_delete(*, gebruiksrechten: Gebruiksrechten) -> None:
    document = gebruiksrechten.informatieobject
    resource_id = resource_path("documenten", "gebruiksrechten", gebruiksrechten.uuid)
    gebruiksrechten.delete()
    _gebruiksrecht_indicatie(document)
    document_event(document, resource="gebruiksrechten", actie="destroy", resource_id=resource_id)
