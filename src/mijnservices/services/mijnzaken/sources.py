"""Bringing a person's external zaken up to date when they log in (decision 0029).

Every active ZGW source is asked for the party's zaken in a background thread; the login
waits at most ``ZGW_SOURCE_LOGIN_WAIT_MS`` and then goes on with what is known. A source that
is slow or down never breaks the page: the projection keeps its last state and shows when it
was last brought up to date.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

import structlog
from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import F, Q

from mijnservices.core.identity import Party
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.sync import zaken_sync_for_party
from mijnservices.registrations.zaken.models import Zaak

logger = structlog.get_logger(__name__)

# Few threads: a login burst queues here instead of opening a connection per login.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="zgw-sync")
_LOCK = threading.Lock()
# One sync per party at a time (keys stay in memory only; never logged).
_RUNNING: dict[tuple[str, str, str], Future[None]] = {}


def _sync(party: Party, key: tuple[str, str, str]) -> None:
    close_old_connections()
    try:
        for source in ZgwSource.objects.filter(actief=True):
            zaken_sync_for_party(source=source, party=party)
    except Exception as exc:  # a bug or a bad answer must not end the thread pool's worker
        logger.warning("zgw_login_sync_failed", error=type(exc).__name__)
    finally:
        with _LOCK:
            _RUNNING.pop(key, None)
        connection.close()


def zaken_refresh_from_sources(*, party: Party, wait_ms: int | None = None) -> bool:
    """Start re-reading ``party``'s zaken from every active source, and wait up to
    ``wait_ms`` (default ``ZGW_SOURCE_LOGIN_WAIT_MS``). True when it finished in time (or
    there is no source)."""
    if not ZgwSource.objects.filter(actief=True).exists():
        return True
    key = (party.kind, party.identifier, party.vestiging or "")
    with _LOCK:
        future = _RUNNING.get(key)
        if future is None or future.done():
            future = _RUNNING[key] = _POOL.submit(_sync, party, key)
    limit = settings.ZGW_SOURCE_LOGIN_WAIT_MS if wait_ms is None else wait_ms
    done, _ = wait_for([future], timeout=max(limit, 0) / 1000)
    return bool(done)


def sync_running(party: Party) -> bool:
    """Whether this process is still re-reading the party's zaken (a slow source: the login
    stopped waiting). In memory only; another process does not know."""
    key = (party.kind, party.identifier, party.vestiging or "")
    with _LOCK:
        future = _RUNNING.get(key)
    return future is not None and not future.done()


def sources_out_of_date(zaken: Iterable[Zaak]) -> bool:
    """Whether the page should say that some information may be out of date: one of these
    zaken comes from a source whose last call failed after its last good sync. No query
    when none of them is external; one otherwise. A source whose breaker is open fails its
    syncs at once, so the pages say so at once too (decision 0042)."""
    external = [zaak.pk for zaak in zaken if zaak.bron_url]
    if not external:
        return False
    failing = Q(source__last_failure__isnull=False) & (
        Q(source__last_synced__isnull=True) | Q(source__last_failure__gt=F("source__last_synced"))
    )
    return ProjectedZaak.objects.filter(failing, zaak_id__in=external).exists()


def source_out_of_date(zaak: Zaak) -> bool:
    """The same for one zaak loaded with ``projectie__source`` (no query)."""
    projectie = getattr(zaak, "projectie", None) if zaak.bron_url else None
    return projectie is not None and projectie.source.failing
