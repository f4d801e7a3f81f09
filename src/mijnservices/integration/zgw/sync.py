"""Syncing a source's zaken (decision 0029): a party's zaken at login and in the klantbeeld,
one zaak for a notificatie. What was read is written by ``projection`` (decision 0042): the one
mapping into the registration's own tables, through the Zaken services' bulk path, so a status
that is new at the source becomes a local status with the usual outbox event and the citizen
is notified as for our own zaken. HTTP happens before the transactions that write."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import structlog
from django.db import connection
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.integration.zgw.catalogue import zaaktype_project
from mijnservices.integration.zgw.client import (
    SourceConfig,
    SourceError,
    ZgwReader,
    ZgwWriter,
    client_for,
)
from mijnservices.integration.zgw.documents import has_api
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.projection import Types, zaken_project_read
from mijnservices.integration.zgw.reading import (
    PARTY_FILTERS,
    KnownTypes,
    ZaakAtSource,
    identification,
    zaak_read,
    zaken_list,
)
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log
from mijnservices.registrations.zaken.models import Resultaat, Status, Zaak

logger = structlog.get_logger(__name__)

READ_ACTIVITEIT = "zaken opvragen bij bron"
READ_DOEL = "MijnZaken en KCC: de zaken van een betrokkene tonen en over nieuws berichten"
# Zaken whose statussen, rollen and resultaat are read at the same time during a sync (the
# client bounds the calls to one source further: ZGW_SOURCE_CONCURRENCY).
READ_CONCURRENCY = 8
# Zaken projected per transaction during a sync: the writes of a batch take a few statements,
# and the first batches are written while the later zaken are still being read.
WRITE_BATCH = 25


@dataclass
class SyncResult:
    """What a sync did; ``error`` is a plain sentence when the source could not be read."""

    projected: list[Zaak] = field(default_factory=list)
    # Zaken that could not be projected (a rule of our registration); the others were.
    failed: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def reader_for(source: ZgwSource, *, timeout: float | None = None) -> ZgwWriter:
    return client_for(
        SourceConfig(
            naam=source.naam,
            roots=source.roots(),
            client_id=source.client_id,
            secret=source.secret,
        ),
        timeout=timeout,
    )


def failure_record(source: ZgwSource, error: str) -> None:
    """The "last failure" state of a source: pages say their information may be out of date.
    (The client's circuit breaker decides whether calls go out at all, decision 0042.)"""
    ZgwSource.objects.filter(pk=source.pk).update(
        last_failure=timezone.now(), last_error=error[:300]
    )


def _log_read(source: ZgwSource, parties: list[Party], urls: list[str]) -> None:
    """Our read of personal data at the source, in the verwerkingenlogging (decision 0015):
    the persons concerned as pseudonyms, the zaken by their uuid at the source."""
    verwerking_log(
        actor=Actor(kind="api_client", id=source.client_id, naam=f"MijnServices: {source.naam}"),
        activiteit=READ_ACTIVITEIT,
        doel=READ_DOEL,
        personen=parties,
        objecttype="zaak",
        objecten=[url.rstrip("/").rsplit("/", 1)[-1] for url in urls],
    )


def _parties_of(rollen: list[dict[str, Any]]) -> list[Party]:
    found: list[Party] = []
    for rol in rollen:
        ident = identification(rol.get("betrokkeneIdentificatie") or {})
        if ident.get("inp_bsn"):
            found.append(Party(kind="bsn", identifier=str(ident["inp_bsn"])))
        elif ident.get("kvk_nummer"):
            found.append(Party(kind="kvk", identifier=str(ident["kvk_nummer"])))
    return found


class ProjectionFailed(SourceError):
    """One zaak of the source breaks a rule of our registration; the others go on."""


def _failed(error: str) -> str:
    return f"A zaak of the source could not be projected: {error}"


def _wanted(source: ZgwSource, reader: ZgwReader, url: str, data: dict[str, Any]) -> bool:
    """Whether the zaak is one to show: within the source's roots, and of a chosen zaaktype
    (when the source names them)."""
    if not reader.within_roots(url):
        raise SourceError("The zaak URL is outside the source's Zaken API.")
    zaaktype_url = str(data.get("zaaktype") or "")
    if not reader.within_roots(zaaktype_url):
        return False
    if not source.zaaktypen:
        return True
    local = ZaakType.objects.filter(bron_url=zaaktype_url).values_list("identificatie", flat=True)
    identificatie = local.first() or reader.get(zaaktype_url).get("identificatie")
    return identificatie in source.zaaktypen


def _unchanged(source: ZgwSource, found: list[dict[str, Any]]) -> dict[str, int]:
    """The zaken (URL → local zaak id) already projected whose current status and resultaat
    we hold: a login sync need not read their details again (three queries for all). A
    changed rol comes with a notificatie or the reconciliation, which re-read everything."""
    urls = [str(data.get("url") or "") for data in found]
    links = dict(
        ProjectedZaak.objects.filter(source=source, url__in=urls).values_list("url", "zaak_id")
    )
    if not links:
        return {}
    statuses = set(
        Status.objects.filter(zaak_id__in=links.values()).values_list("bron_url", flat=True)
    )
    closed = set(
        Resultaat.objects.filter(zaak_id__in=links.values()).values_list("zaak_id", flat=True)
    )
    return {
        url: links[url]
        for url, data in zip(urls, found, strict=True)
        if url in links
        and (not data.get("status") or str(data["status"]) in statuses)
        and bool(data.get("resultaat")) == (links[url] in closed)
    }


def _batches(items: Iterable[ZaakAtSource], size: int) -> Iterator[list[ZaakAtSource]]:
    batch: list[ZaakAtSource] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _read_in_thread(
    reader: ZgwReader, item: tuple[str, dict[str, Any]], known: KnownTypes
) -> ZaakAtSource:
    """One zaak's reads in a pool thread. The thread touches the database only when the
    source's breaker records a failure; that connection is closed with the read."""
    try:
        return zaak_read(reader, item[0], item[1], known)
    finally:
        connection.close()


def _zaaktypen_project(
    source: ZgwSource,
    reader: ZgwReader,
    wanted: list[tuple[str, dict[str, Any]]],
    zaaktypen: dict[str, ZaakType],
    known: KnownTypes,
) -> None:
    """The zaaktypen of the zaken to read, before the writes (their HTTP stays outside the
    writes' transactions), and what the zaken's reads may skip; once per zaaktype."""
    for url in dict.fromkeys(str(data.get("zaaktype") or "") for _, data in wanted):
        if not url or url in zaaktypen:
            continue
        zaaktype = zaaktypen[url] = zaaktype_project(source=source, reader=reader, url=url)
        first = zaaktype.statustypen.order_by("volgnummer").first()
        if first is not None and first.bron_url:
            known.first_steps.add(first.bron_url)
        if has_api(reader, "besluiten") and not reader.get(url).get("besluittypen"):
            known.without_besluiten.add(url)


def zaken_sync_for_party(
    *, source: ZgwSource, party: Party, reader: ZgwReader | None = None
) -> SyncResult:
    """Read the party's zaken at the source and project them. The zaken's details are read
    in parallel (I/O only; the writes follow in this thread). Never raises for a source that
    cannot be read: the result says so, the source records it, and the last state stays."""
    reader = reader or reader_for(source)
    result = SyncResult()
    params = {PARTY_FILTERS[party.kind]: party.identifier}
    known = KnownTypes()
    zaaktypen: dict[str, ZaakType] = {}
    types: dict[int, Types] = {}
    seconds = 0.0
    try:
        found = zaken_list(source, reader, params)
        unchanged = _unchanged(source, found)
        wanted = [
            (str(data.get("url") or ""), data)
            for data in found
            if str(data.get("url") or "") not in unchanged
            and _wanted(source, reader, str(data.get("url") or ""), data)
        ]
        _zaaktypen_project(source, reader, wanted, zaaktypen, known)
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=READ_CONCURRENCY) as pool:
            # Lazily, in order: the writes of the first zaken overlap the later reads.
            reads = pool.map(lambda item: _read_in_thread(reader, item, known), wanted)
            for batch in _batches(reads, WRITE_BATCH):  # one transaction per batch
                done = zaken_project_read(
                    source=source, reads=batch, zaaktypen=zaaktypen, types=types
                )
                result.projected += done.zaken.values()
                result.failed += [_failed(error) for error in done.failed.values()]
        if found:
            _log_read(source, [party], [str(data.get("url") or "") for data in found])
        seconds = time.perf_counter() - began
        result.projected += list(Zaak.objects.filter(pk__in=unchanged.values()))
        if unchanged:
            ProjectedZaak.objects.filter(zaak_id__in=unchanged.values()).update(
                last_synced=timezone.now()
            )
    except SourceError as exc:
        result.error = str(exc)
    if result.ok:
        ZgwSource.objects.filter(pk=source.pk).update(
            last_synced=timezone.now(), last_error="; ".join(result.failed)[:300]
        )
    else:
        failure_record(source, result.error)
    logger.info(
        "zgw_party_synced",
        source=source.naam,
        zaken=len(result.projected),
        failed=len(result.failed),
        ok=result.ok,
        error=result.error,
        read_and_write_seconds=round(seconds, 3),
    )
    return result


def zaak_refresh(*, source: ZgwSource, url: str, reader: ZgwReader | None = None) -> Zaak | None:
    """Re-read one zaak by its URL at the source and project it (a notificatie from the
    source). Raises ``SourceError`` so the caller can retry with backoff."""
    reader = reader or reader_for(source)
    data = reader.get(url) if reader.within_roots(url) else {}
    if not _wanted(source, reader, url, data):
        return None
    read = zaak_read(reader, url, data)
    _log_read(source, _parties_of(read.rollen), [url])
    if not read.rollen and not ProjectedZaak.objects.filter(source=source, url=url).exists():
        return None  # not a party's zaak, and never projected
    zaaktype_url = str(data["zaaktype"])
    # The zaaktype first (HTTP, outside the transaction): a new version may have come.
    zaaktypen = {zaaktype_url: zaaktype_project(source=source, reader=reader, url=zaaktype_url)}
    done = zaken_project_read(source=source, reads=[read], zaaktypen=zaaktypen)
    if url in done.failed:
        raise ProjectionFailed(_failed(done.failed[url]))
    zaak = done.zaken.get(url)
    logger.info("zgw_zaak_refreshed", source=source.naam, projected=zaak is not None)
    return zaak
