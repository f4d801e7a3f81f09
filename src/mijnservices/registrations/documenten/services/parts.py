"""Chunked upload (bestandsdelen): a document created or updated with ``bestandsomvang`` and
no ``inhoud`` gets parts of ``DOCUMENTEN_CHUNK_SIZE``; each is PUT separately under the
document's lock, and the content is assembled (and type-checked) when the last part is in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import resource_path
from mijnservices.registrations.documenten import storage
from mijnservices.registrations.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    InformatieObjectVersie,
)
from mijnservices.registrations.documenten.services.documents import COLLECTION, document_event


def bestandsdelen_plan(
    *, document: EnkelvoudigInformatieObject, versie: InformatieObjectVersie, bestandsomvang: int
) -> None:
    """Replace unfinished parts with new ones for ``bestandsomvang`` bytes (in the caller's
    transaction); the version has no content until they are all in."""
    if bestandsomvang > int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE):
        raise storage.too_large(bestandsomvang)
    _discard(document)
    chunk = int(settings.DOCUMENTEN_CHUNK_SIZE)
    BestandsDeel.objects.bulk_create(
        BestandsDeel(
            informatieobject=document,
            volgnummer=number,
            omvang=min(chunk, bestandsomvang - start),
        )
        for number, start in enumerate(range(0, bestandsomvang, chunk), start=1)
    )
    versie.inhoud = ""
    versie.bestandsomvang = bestandsomvang


def _discard(document: EnkelvoudigInformatieObject) -> None:
    keys = [key for key in document.bestandsdelen.values_list("inhoud", flat=True) if key]
    document.bestandsdelen.all().delete()
    if keys:
        transaction.on_commit(lambda: storage.delete_content(keys))


def _read_parts(parts: list[BestandsDeel]) -> Iterator[bytes]:
    for part in parts:
        with storage.open_content(part.inhoud) as handle:
            while piece := handle.read(storage.CHUNK):
                yield piece


@transaction.atomic
def bestandsdeel_upload(
    *, bestandsdeel: BestandsDeel, lock: str, chunks: Iterable[bytes]
) -> BestandsDeel:
    """Store one part; the last one assembles the document's content."""
    document = EnkelvoudigInformatieObject.objects.select_for_update().get(
        pk=bestandsdeel.informatieobject_id
    )
    if not document.lock or lock != document.lock:
        raise DomainError(
            "The lock id is not the document's lock.", code="incorrect-lock-id", field="lock"
        )
    bestandsdeel.inhoud = storage.store_part(
        chunks,
        name=f"{document.uuid}/deel-{bestandsdeel.volgnummer}-",
        size=bestandsdeel.omvang,
    )
    bestandsdeel.save(update_fields=["inhoud"])
    parts = list(document.bestandsdelen.order_by("volgnummer"))
    if all(part.voltooid for part in parts):
        _assemble(document, parts)
    return bestandsdeel


def _assemble(document: EnkelvoudigInformatieObject, parts: list[BestandsDeel]) -> None:
    versie = document.huidige_versie
    assert versie is not None
    stored = storage.store(
        _read_parts(parts),
        document_uuid=document.uuid,
        bestandsnaam=versie.bestandsnaam,
        formaat=versie.formaat,
        check_type=bool(settings.DOCUMENTEN_API_CONTENT_CHECK),
    )
    versie.inhoud = stored.key
    versie.bestandsomvang = stored.size
    versie.save(update_fields=["inhoud", "bestandsomvang"])
    storage.quarantine(stored, versie_pk=versie.pk)
    _discard(document)  # the parts' files go once the assembled content is committed
    document_event(
        document,
        resource="enkelvoudiginformatieobject",
        actie="update",
        resource_id=resource_path("documenten", COLLECTION, document.uuid),
    )
