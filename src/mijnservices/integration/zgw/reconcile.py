"""The periodic reconciliation of projected zaken: catches notificaties that never came.

Once a minute the worker re-reads the projected zaken that were not brought up to date for
``ZGW_SOURCE_RECONCILE_MINUTES``, oldest first. A source that does not answer is skipped for
the rest of the round (one failed call per source per minute, not one per zaak); a zaak the
source no longer has is removed from the projection.
"""

from __future__ import annotations

import time
from datetime import timedelta

import structlog
from django.conf import settings
from django.utils import timezone

from mijnservices.integration.zgw.client import SourceAnswered, SourceError, ZgwReader
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.sync import failure_record, reader_for, zaak_refresh
from mijnservices.registrations.zaken import services as zaken

logger = structlog.get_logger(__name__)

BATCH = 20


def projected_zaken_reconcile(*, limit: int = BATCH) -> int:
    """Re-read up to ``limit`` stale projected zaken; returns how many were brought up to date."""
    stale = timezone.now() - timedelta(minutes=settings.ZGW_SOURCE_RECONCILE_MINUTES)
    due = list(
        ProjectedZaak.objects.select_related("source", "zaak")
        .filter(source__actief=True, last_synced__lt=stale)
        .order_by("last_synced")[:limit]
    )
    readers: dict[int, ZgwReader] = {}
    down: set[int] = set()
    up: set[int] = set()
    done = 0
    for link in due:
        if link.source_id in down:
            continue
        source: ZgwSource = link.source
        reader = readers.setdefault(source.pk, reader_for(source))
        try:
            zaak_refresh(source=source, url=link.url, reader=reader)
        except SourceAnswered as exc:
            if exc.status == 404:  # gone at the source: gone here
                zaken.zaak_delete(zaak=link.zaak)
                continue
            ProjectedZaak.objects.filter(pk=link.pk).update(last_error=str(exc)[:300])
        except SourceError as exc:
            down.add(source.pk)
            ProjectedZaak.objects.filter(pk=link.pk).update(last_error=str(exc)[:300])
            failure_record(source, str(exc))
            logger.info("zgw_reconcile_source_down", source=source.naam, error=str(exc))
        else:
            done += 1
            up.add(source.pk)
    # A source that answered is up again: pages stop saying their data may be out of date.
    if up - down:
        ZgwSource.objects.filter(pk__in=up - down).update(last_synced=timezone.now())
    return done


_last_run = [float("-inf")]


def projected_zaken_reconcile_when_due() -> int:
    """The worker step: reconcile at most once a minute."""
    if time.monotonic() - _last_run[0] < 60:
        return 0
    _last_run[0] = time.monotonic()
    projected_zaken_reconcile()
    return 0
