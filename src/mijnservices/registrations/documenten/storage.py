"""Where document content lives: a Django storage named ``documenten`` (``STORAGES`` in
``conf/settings.py``; local files under VAR_DIR by default, any Django storage backend such
as an S3-compatible one by configuration).

Content is written while it is read, chunk by chunk, and refused as soon as it passes
``DOCUMENTEN_MAX_UPLOAD_SIZE``; the first bytes are checked against the declared type
(:mod:`.content`) and the whole is scanned for viruses when a scanner is configured
(:mod:`mijnservices.core.virusscan`) before anything is stored.
"""

from __future__ import annotations

import base64
import binascii
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

import structlog
from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from storages.utils import clean_name

from mijnservices.core import virusscan
from mijnservices.core.errors import DomainError
from mijnservices.core.health import Result
from mijnservices.core.quarantine import quarantine_record
from mijnservices.registrations.documenten import content

logger = structlog.get_logger(__name__)
STORAGE_ALIAS = "documenten"
QUARANTINE_KIND = "documenten.versie"
CHUNK = 64 * 1024
HEAD = 8 * 1024


def content_storage() -> Storage:
    return storages[STORAGE_ALIAS]


def storage_reachable() -> Result:
    """Readiness: ask the storage about a key (raises when it cannot be reached)."""
    content_storage().exists(".readyz")
    return Result(True)


@dataclass(frozen=True)
class Stored:
    key: str
    size: int
    # Stored while the virus scanner was down: the key to hand to core.quarantine, and no
    # ``key`` until the worker has scanned it clean.
    quarantined: str = ""


def too_large(size: int) -> DomainError:
    limit = int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE)
    return DomainError(
        f"The content is larger than the maximum of {limit} bytes.",
        code="file-too-large",
        field="inhoud",
    )


def base64_chunks(text: str) -> Iterator[bytes]:
    """Decode base64 ``text`` piece by piece (never the whole decoded document at once)."""
    compact = "".join(text.split()) if any(c.isspace() for c in text[:200]) else text
    step = CHUNK // 3 * 4
    try:
        for start in range(0, len(compact), step):
            yield base64.b64decode(compact[start : start + step], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DomainError("inhoud is not valid base64.", code="invalid", field="inhoud") from exc


def store(
    chunks: Iterable[bytes],
    *,
    document_uuid: uuid.UUID,
    bestandsnaam: str,
    formaat: str,
    check_type: bool = True,
) -> Stored:
    """Write ``chunks`` to the storage, checking the size limit and (``check_type``) that
    the bytes match ``formaat`` and ``bestandsnaam`` on the way."""
    limit = int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE)
    size = 0
    checked = not check_type
    head = b""
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as buffer:
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise too_large(size)
            if not checked:
                head += chunk[: HEAD - len(head)]
                if len(head) >= HEAD:
                    content.check(head, bestandsnaam=bestandsnaam, formaat=formaat)
                    checked = True
            buffer.write(chunk)
        if not checked and check_type:
            content.check(head, bestandsnaam=bestandsnaam, formaat=formaat)
        buffer.seek(0)
        quarantine = not _scan(buffer, document_uuid=document_uuid, size=size)
        buffer.seek(0)
        name = f"{document_uuid}/{uuid.uuid4().hex}"
        key = content_storage().save(name, File(buffer, name=name))
    if quarantine:
        return Stored(key="", size=size, quarantined=key)
    return Stored(key=key, size=size)


def _scan(buffer: IO[bytes], *, document_uuid: uuid.UUID, size: int) -> bool:
    """Refuse content clamd finds infected, or cannot scan (fail closed); False when it could
    not be scanned and CLAMAV_WHEN_UNAVAILABLE says quarantine."""
    if not virusscan.enabled():
        return True
    try:
        verdict = virusscan.scan(buffer)
    except virusscan.ScannerUnavailable as exc:
        if settings.CLAMAV_WHEN_UNAVAILABLE == "quarantine":
            return False
        # Never the file name: it may hold personal data.
        logger.error("upload_scan_unavailable", document=str(document_uuid), error=str(exc))
        raise DomainError(
            "The file could not be checked for viruses; try again later.",
            code="scan-unavailable",
            field="inhoud",
        ) from exc
    if verdict.infected:
        logger.warning(
            "upload_infected", document=str(document_uuid), signature=verdict.signature, size=size
        )
        raise DomainError(
            "The file contains a virus and was not stored.", code="virus-found", field="inhoud"
        )
    return True


def store_part(chunks: Iterable[bytes], *, name: str, size: int) -> str:
    """Write one bestandsdeel of exactly ``size`` bytes (checked while streaming)."""
    written = 0
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as buffer:
        for chunk in chunks:
            written += len(chunk)
            if written > size:
                break
            buffer.write(chunk)
        if written != size:
            raise DomainError(
                f"This part must be exactly {size} bytes.", code="file-size", field="inhoud"
            )
        buffer.seek(0)
        return str(content_storage().save(name, File(buffer, name=name)))


def open_content(key: str) -> IO[bytes]:
    storage = content_storage()
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        # Object storage: stream the object's body as it arrives. django-storages' own file
        # object would first copy the whole object to a local temporary file.
        name = storage._normalize_name(clean_name(key))  # type: ignore[attr-defined]
        return bucket.Object(name).get()["Body"]  # type: ignore[no-any-return]
    return storage.open(key, "rb")  # type: ignore[no-any-return]


def delete_content(keys: Iterable[str]) -> None:
    storage = content_storage()
    for key in keys:
        if key and storage.exists(key):
            storage.delete(key)


def quarantine(stored: Stored, *, versie_pk: int) -> None:
    """Hand content stored unscanned to the quarantine, for this version (in its transaction)."""
    if stored.quarantined:
        quarantine_record(
            kind=QUARANTINE_KIND, target_id=str(versie_pk), storage_alias=STORAGE_ALIAS,
            key=stored.quarantined, size=stored.size,
        )  # fmt: skip
