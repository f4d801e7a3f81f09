"""Documents and their versions: create, update (a new version), lock, unlock, delete."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.core.resources import resource_path
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.registrations.documenten import storage
from mijnservices.registrations.documenten.models import (
    DocumentStatus,
    EnkelvoudigInformatieObject,
    InformatieObjectVersie,
)

RESOURCE = "enkelvoudiginformatieobject"
COLLECTION = "enkelvoudiginformatieobjecten"
# Attributes a new version does not copy from the previous one.
NOT_COPIED = {"id", "document", "versie", "begin_registratie"}


def document_event(
    document: EnkelvoudigInformatieObject, *, resource: str, actie: str, resource_id: str
) -> None:
    versie = document.huidige_versie
    assert versie is not None
    event_record(
        kanaal="documenten",
        resource=resource,
        actie=actie,
        hoofd_object=resource_path("documenten", COLLECTION, document.uuid),
        resource_id=resource_id,
        kenmerken={
            "bronorganisatie": versie.bronorganisatie,
            "informatieobjecttype": resource_path(
                "catalogi", "informatieobjecttypen", versie.informatieobjecttype.uuid
            ),
            "vertrouwelijkheidaanduiding": versie.vertrouwelijkheidaanduiding,
        },
    )


def _check_type(informatieobjecttype: InformatieObjectType) -> None:
    if informatieobjecttype.concept:
        raise DomainError(
            "The informatieobjecttype is not published.",
            code="not-published",
            field="informatieobjecttype",
        )


def _check_identificatie(versie: InformatieObjectVersie) -> None:
    # drc-001: identificatie is unique per bronorganisatie (over current versions).
    taken = (
        EnkelvoudigInformatieObject.objects.filter(
            huidige_versie__bronorganisatie=versie.bronorganisatie,
            huidige_versie__identificatie=versie.identificatie,
        )
        .exclude(pk=versie.document_id)
        .exists()
    )
    if taken:
        raise DomainError(
            "This identificatie is already used by the bronorganisatie.",
            code="identificatie-niet-uniek",
            field="identificatie",
        )


def _with_content(
    versie: InformatieObjectVersie, inhoud: str | None, content: Iterable[bytes] | None = None
) -> storage.Stored | None:
    """Store base64 ``inhoud`` (API) or raw ``content`` chunks (portal upload) for this
    version; a version without either keeps the previous content. A citizen's upload is
    always type-checked; API content only when DOCUMENTEN_API_CONTENT_CHECK is on."""
    if inhoud is None and content is None:
        return None
    stored = storage.store(
        content if content is not None else storage.base64_chunks(inhoud or ""),
        document_uuid=versie.document.uuid,
        bestandsnaam=versie.bestandsnaam,
        formaat=versie.formaat,
        check_type=content is not None or bool(settings.DOCUMENTEN_API_CONTENT_CHECK),
    )
    versie.inhoud = stored.key
    versie.bestandsomvang = stored.size
    return stored


def versie_content_release(target_id: str, key: str, size: int) -> None:
    """core.quarantine: content stored while the scanner was down was scanned clean."""
    versie = InformatieObjectVersie.objects.select_for_update().get(pk=int(target_id))
    if not versie.inhoud:
        versie.inhoud = key
        versie.bestandsomvang = size
        versie.save(update_fields=["inhoud", "bestandsomvang"])


RECEIVED_FORBIDDEN = (DocumentStatus.IN_BEWERKING, DocumentStatus.TER_VASTSTELLING)


def _check_status_and_gebruiksrecht(versie: InformatieObjectVersie) -> None:
    # drc-005: a received document is not being worked on or awaiting vaststelling.
    if versie.ontvangstdatum is not None and versie.status in RECEIVED_FORBIDDEN:
        raise DomainError(
            f"A document with an ontvangstdatum cannot have status {versie.status}.",
            code="invalid_for_received",
            field="status",
        )
    # drc-006: the indicatie is true exactly when gebruiksrechten exist (they set it).
    has_rechten = versie.document.pk is not None and versie.document.gebruiksrechten.exists()
    if versie.indicatie_gebruiksrecht is True and not has_rechten:
        raise DomainError(
            "indicatieGebruiksrecht becomes true by creating gebruiksrechten.",
            code="missing-gebruiksrechten",
            field="indicatie_gebruiksrecht",
        )
    if versie.indicatie_gebruiksrecht is not True and has_rechten:
        raise DomainError(
            "indicatieGebruiksrecht stays true while the document has gebruiksrechten.",
            code="existing-gebruiksrechten",
            field="indicatie_gebruiksrecht",
        )


def _save_version(
    versie: InformatieObjectVersie, inhoud: str | None, content: Iterable[bytes] | None = None
) -> InformatieObjectVersie:
    _check_type(versie.informatieobjecttype)
    _check_status_and_gebruiksrecht(versie)
    if not versie.identificatie:
        versie.identificatie = f"DOCUMENT-{uuid.uuid4().hex[:20].upper()}"
    _check_identificatie(versie)
    # Content of a transaction that rolls back later stays in the storage as an orphan
    # (no on-rollback hook); it is unreachable and harmless, see docs/standards.md.
    stored = _with_content(versie, inhoud, content)
    versie.save()
    if stored is not None:
        storage.quarantine(stored, versie_pk=versie.pk)
    document = versie.document
    document.huidige_versie = versie
    document.save(update_fields=["huidige_versie"])
    return versie


@transaction.atomic
def informatieobject_create(
    *,
    informatieobjecttype: InformatieObjectType,
    inhoud: str | None = None,
    content: Iterable[bytes] | None = None,
    vertrouwelijkheidaanduiding: str = "",
    **fields: Any,
) -> EnkelvoudigInformatieObject:
    """Version 1 of a new document; ``inhoud`` is base64 content (drc: inline upload),
    ``content`` raw byte chunks (a file uploaded in the portal)."""
    fields.pop("lock", None)
    bestandsomvang = fields.pop("bestandsomvang", None)
    document = EnkelvoudigInformatieObject.objects.create()
    versie = InformatieObjectVersie(
        document=document,
        versie=1,
        begin_registratie=timezone.now(),
        informatieobjecttype=informatieobjecttype,
        # drc-003: without one, the informatieobjecttype's vertrouwelijkheid applies.
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding
        or informatieobjecttype.vertrouwelijkheidaanduiding,
        **fields,
    )
    if inhoud is None and content is None and bestandsomvang:
        # Chunked upload: the creator gets the lock to PUT the parts with.
        _plan_parts(document, versie, bestandsomvang)
        document.lock = uuid.uuid4().hex
        document.save(update_fields=["lock"])
    _save_version(versie, inhoud, content)
    document_event(
        document,
        resource=RESOURCE,
        actie="create",
        resource_id=resource_path("documenten", COLLECTION, document.uuid),
    )
    return document


def _plan_parts(
    document: EnkelvoudigInformatieObject, versie: InformatieObjectVersie, bestandsomvang: int
) -> None:
    # parts.py builds on this module's events; imported here to keep the import graph acyclic.
    from mijnservices.registrations.documenten.services.parts import bestandsdelen_plan

    bestandsdelen_plan(document=document, versie=versie, bestandsomvang=bestandsomvang)


def _check_lock(document: EnkelvoudigInformatieObject, lock: str | None) -> None:
    # drc-009: the codes (as nonFieldErrors) that Open Zaak and the ZGW test suite use.
    if not document.lock:
        raise DomainError(
            "The document is not locked: lock it before changing it.", code="unlocked"
        )
    if not lock:
        raise DomainError("Give the lock id to change the document.", code="missing-lock-id")
    if not secrets.compare_digest(str(lock), document.lock):
        raise DomainError("The lock id is not the document's lock.", code="incorrect-lock-id")


@transaction.atomic
def informatieobject_update(
    *,
    informatieobject: EnkelvoudigInformatieObject,
    lock: str | None = None,
    inhoud: str | None = None,
    **fields: Any,
) -> EnkelvoudigInformatieObject:
    """A new version with ``fields`` changed; needs the document's lock (drc-010)."""
    document = EnkelvoudigInformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    _check_lock(document, lock)
    previous = document.huidige_versie
    assert previous is not None
    values = {
        name: value for name, value in model_to_dict(previous).items() if name not in NOT_COPIED
    }
    values["informatieobjecttype"] = previous.informatieobjecttype
    bestandsomvang = fields.pop("bestandsomvang", None)
    values.update(fields)
    versie = InformatieObjectVersie(
        document=document,
        versie=previous.versie + 1,
        begin_registratie=timezone.now(),
        **values,
    )
    if inhoud is None and bestandsomvang and bestandsomvang != previous.bestandsomvang:
        _plan_parts(document, versie, bestandsomvang)  # new content comes in parts
    _save_version(versie, inhoud)
    document_event(
        document,
        resource=RESOURCE,
        actie="update",
        resource_id=resource_path("documenten", COLLECTION, document.uuid),
    )
    return document


@transaction.atomic
def informatieobject_lock(*, informatieobject: EnkelvoudigInformatieObject) -> str:
    document = EnkelvoudigInformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    if document.lock:
        raise DomainError("The document is already locked.", code="existing-lock")
    document.lock = uuid.uuid4().hex
    document.save(update_fields=["lock"])
    informatieobject.lock = document.lock
    return document.lock


@transaction.atomic
def informatieobject_unlock(
    *, informatieobject: EnkelvoudigInformatieObject, lock: str = "", force: bool = False
) -> None:
    """Release the lock; without its id only with ``documenten.geforceerd-unlock``."""
    document = EnkelvoudigInformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    if not force and not secrets.compare_digest(str(lock), document.lock):
        raise DomainError("The lock id is not the document's lock.", code="incorrect-lock-id")
    document.lock = ""
    document.save(update_fields=["lock"])
    informatieobject.lock = ""


@transaction.atomic
def informatieobject_delete(*, informatieobject: EnkelvoudigInformatieObject) -> None:
    """Delete the document with all versions; refused while objects still refer to it."""
    if informatieobject.objecten.exists():
        raise DomainError(
            "The document is still related to zaken or besluiten.", code="pending-relations"
        )
    resource_id = resource_path("documenten", COLLECTION, informatieobject.uuid)
    document_event(informatieobject, resource=RESOURCE, actie="destroy", resource_id=resource_id)
    keys = list(informatieobject.versies.exclude(inhoud="").values_list("inhoud", flat=True))
    keys += informatieobject.bestandsdelen.exclude(inhoud="").values_list("inhoud", flat=True)
    informatieobject.huidige_versie = None
    informatieobject.save(update_fields=["huidige_versie"])
    informatieobject.delete()
    transaction.on_commit(lambda: storage.delete_content(set(keys)))
