"""Uploads kept in quarantine while the virus scanner was unreachable
(``CLAMAV_WHEN_UNAVAILABLE=quarantine``; the default refuses them instead).

The content is stored but its owner does not point at it yet, so no read path can serve it.
A worker step scans due rows: clean → the owner's release function (registered per ``kind``
with :func:`register_release`) takes the content and the row goes; infected → the content is
deleted and the row kept as a record; scanner still down → tried again later, with the
outbox's backoff."""

from __future__ import annotations

from collections.abc import Callable

import structlog
from django.core.files.storage import storages
from django.db import connection, transaction
from django.utils import timezone

from mijnservices.core import virusscan
from mijnservices.core.models import QuarantinedUpload, QuarantineStatus
from mijnservices.core.outbox import backoff

logger = structlog.get_logger(__name__)

Release = Callable[[str, str, int], None]  # (target_id, key, size)
_RELEASES: dict[str, Release] = {}
BATCH = 20


def register_release(kind: str, release: Release) -> None:
    """Who takes clean content of ``kind`` (called from an AppConfig.ready)."""
    _RELEASES[kind] = release


def quarantine_record(
    *, kind: str, target_id: str, storage_alias: str, key: str, size: int
) -> QuarantinedUpload:
    """Keep stored content unserved until it is scanned (in the upload's transaction)."""
    now = timezone.now()
    logger.warning("upload_quarantined", kind=kind, target=target_id, size=size)
    return QuarantinedUpload.objects.create(
        kind=kind, target_id=target_id, storage_alias=storage_alias, key=key, size=size,
        created_at=now, next_attempt_at=now,
    )  # fmt: skip


def quarantine_scan_due() -> int:
    """Worker step: scan the due quarantined uploads. Returns how many were decided."""
    due = QuarantinedUpload.objects.filter(
        status=QuarantineStatus.PENDING, next_attempt_at__lte=timezone.now()
    )
    if not virusscan.enabled() or not due.exists():
        return 0
    decided = 0
    with transaction.atomic():
        claimed = due.order_by("next_attempt_at")
        if connection.features.has_select_for_update_skip_locked:
            claimed = claimed.select_for_update(skip_locked=True)
        for upload in list(claimed[:BATCH]):
            decided += _scan(upload)
    return decided


def _scan(upload: QuarantinedUpload) -> int:
    storage = storages[upload.storage_alias]
    try:
        with storage.open(upload.key, "rb") as handle:
            verdict = virusscan.scan(handle)
    except virusscan.ScannerUnavailable:
        upload.attempts += 1
        upload.next_attempt_at = timezone.now() + backoff(upload.attempts)
        upload.save(update_fields=["attempts", "next_attempt_at"])
        return 0
    if verdict.infected:
        logger.warning(
            "upload_infected", kind=upload.kind, target=upload.target_id,
            signature=verdict.signature, size=upload.size,
        )  # fmt: skip
        key = upload.key
        transaction.on_commit(lambda: storage.delete(key))
        upload.status = QuarantineStatus.INFECTED
        upload.signature = verdict.signature[:200]
        upload.save(update_fields=["status", "signature"])
        return 1
    _RELEASES[upload.kind](upload.target_id, upload.key, upload.size)
    logger.info("upload_released", kind=upload.kind, target=upload.target_id)
    upload.delete()
    return 1
