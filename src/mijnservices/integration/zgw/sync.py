"""Projecting a source's zaken into the registration's own tables (decision 0029).

Only what the portal, the KCC and the Notificatieservice need is kept (data minimisation):
the zaak, its statussen, its resultaat and its *party* rollen (initiator, mede-initiator).
Every write goes through the Zaken services, so a status that is new at the source becomes a
local status with the usual outbox event: the citizen is notified as for our own zaken.

Projecting is idempotent: objects are matched by their URL at the source (``bron_url``), so
re-running changes nothing. HTTP happens before the transaction that writes, never inside it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party
from mijnservices.integration.zgw.catalogue import zaaktype_project
from mijnservices.integration.zgw.client import (
    SourceConfig,
    SourceError,
    ZgwReader,
    ZgwWriter,
    client_for,
)
from mijnservices.integration.zgw.documents import documents_project, has_api
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.reading import (
    PARTY_FILTERS,
    KnownTypes,
    ZaakAtSource,
    identification,
    zaak_read,
    zaken_list,
)
from mijnservices.registrations.catalogi.models import ResultaatType, RolType, StatusType, ZaakType
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.models import Resultaat, Rol, Status, Zaak

logger = structlog.get_logger(__name__)

READ_ACTIVITEIT = "zaken opvragen bij bron"
READ_DOEL = "MijnZaken en KCC: de zaken van een betrokkene tonen en over nieuws berichten"
# Zaken whose statussen, rollen and resultaat are read at the same time during a sync (the
# client bounds the calls to one source further: ZGW_SOURCE_CONCURRENCY).
READ_CONCURRENCY = 8
# Zaken projected per transaction during a sync (one commit per batch instead of per zaak).
WRITE_BATCH = 10


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
    (A circuit breaker per source is left for the generic one in core/.)"""
    ZgwSource.objects.filter(pk=source.pk).update(
        last_failure=timezone.now(), last_error=error[:300]
    )


def _date(value: Any) -> date | None:
    return parse_date(str(value)[:10]) if value else None


def _moment(value: Any) -> datetime | None:
    moment = parse_datetime(str(value)) if value else None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _zaak_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "omschrijving": str(data.get("omschrijving") or "")[:80],
        "toelichting": str(data.get("toelichting") or ""),
        "einddatum_gepland": _date(data.get("einddatumGepland")),
        "vertrouwelijkheidaanduiding": str(data.get("vertrouwelijkheidaanduiding") or ""),
    }


@dataclass
class _Types:
    """A zaaktype's statustypen, roltypen and resultaattypen by their URL at the source,
    loaded once per sync instead of once per zaak."""

    statustypen: dict[str, StatusType]
    roltypen: dict[str, RolType]
    resultaattypen: dict[str, ResultaatType]


def _types_of(zaaktype_id: int, cache: dict[int, _Types] | None) -> _Types:
    cache = cache if cache is not None else {}
    found = cache.get(zaaktype_id)
    if found is None:
        found = cache[zaaktype_id] = _Types(
            {st.bron_url: st for st in StatusType.objects.filter(zaaktype_id=zaaktype_id)},
            {rt.bron_url: rt for rt in RolType.objects.filter(zaaktype_id=zaaktype_id)},
            {rt.bron_url: rt for rt in ResultaatType.objects.filter(zaaktype_id=zaaktype_id)},
        )
    return found


def _project(
    source: ZgwSource,
    read: ZaakAtSource,
    zaaktype_url: str,
    reader: ZgwReader,
    zaaktypen: dict[str, ZaakType] | None = None,
    types: dict[int, _Types] | None = None,
) -> Zaak:
    cache = zaaktypen if zaaktypen is not None else {}
    zaaktype = cache.get(zaaktype_url)
    if zaaktype is None:
        zaaktype = cache[zaaktype_url] = zaaktype_project(
            source=source, reader=reader, url=zaaktype_url
        )
    now = timezone.now()
    with transaction.atomic():
        link = (
            ProjectedZaak.objects.select_for_update()
            .select_related("zaak")
            .filter(source=source, url=read.url)
            .first()
        )
        fields = _zaak_fields(read.data)
        new = link is None
        if link is None:
            zaak = zaken.zaak_create(
                zaaktype=zaaktype,
                identificatie=str(read.data.get("identificatie") or "")[:40],
                bronorganisatie=str(read.data.get("bronorganisatie") or "")[:9] or None,
                startdatum=_date(read.data.get("startdatum")) or timezone.localdate(),
                registratiedatum=_date(read.data.get("registratiedatum")),
                uiterlijke_einddatum_afdoening=_date(read.data.get("uiterlijkeEinddatumAfdoening")),
                bron_url=read.url,
                **fields,
            )
            link = ProjectedZaak.objects.create(
                source=source, zaak=zaak, url=read.url, last_synced=now
            )
        else:
            zaak = link.zaak
            changed = {
                name: value
                for name, value in fields.items()
                if value not in ("", None) and getattr(zaak, name) != value
            }
            if changed:
                zaak = zaken.zaak_update(zaak=zaak, **changed)
        known = _types_of(zaak.zaaktype_id, types)
        _project_rollen(zaak, read.rollen, known, new=new)
        _project_resultaat(zaak, read.resultaat, known, new=new)
        _project_statussen(zaak, read.statussen, known, new=new)
        documents_project(source=source, zaak=zaak, read=read.documents, new=new)
        if not new:  # a new link was made with these values
            ProjectedZaak.objects.filter(pk=link.pk).update(last_synced=now, last_error="")
    return zaak


def _project_rollen(
    zaak: Zaak, rollen: list[dict[str, Any]], types: _Types, *, new: bool = False
) -> None:
    local = (
        {}
        if new  # a zaak created just now has no rollen yet
        else {rol.bron_url: rol for rol in Rol.objects.filter(zaak=zaak).exclude(bron_url="")}
    )
    roltypen = types.roltypen
    for data in rollen:
        url = str(data.get("url") or "")
        roltype = roltypen.get(str(data.get("roltype") or ""))
        if not url or url in local or roltype is None:
            continue
        zaken.rol_create(
            zaak=zaak,
            roltype=roltype,
            betrokkene_type=str(data.get("betrokkeneType") or ""),
            betrokkene_identificatie=identification(data.get("betrokkeneIdentificatie") or {}),
            roltoelichting=str(data.get("roltoelichting") or "")[:1000],
            indicatie_machtiging=str(data.get("indicatieMachtiging") or ""),
            bron_url=url,
        )
    seen = {str(data.get("url") or "") for data in rollen}
    for url, rol in local.items():
        if url not in seen:
            zaken.rol_delete(rol=rol)


def _project_resultaat(
    zaak: Zaak, data: dict[str, Any] | None, types: _Types, *, new: bool = False
) -> None:
    if not data:
        return
    resultaattype = types.resultaattypen.get(str(data.get("resultaattype") or ""))
    if resultaattype is None:
        return
    current = None if new else Resultaat.objects.filter(zaak=zaak).first()
    if current is None or current.resultaattype_id != resultaattype.pk:
        zaken.resultaat_set(
            zaak=zaak, resultaattype=resultaattype, toelichting=str(data.get("toelichting") or "")
        )


def _project_statussen(
    zaak: Zaak, statussen: list[dict[str, Any]], types: _Types, *, new: bool = False
) -> None:
    known = (
        set() if new else set(Status.objects.filter(zaak=zaak).values_list("bron_url", flat=True))
    )
    statustypen = types.statustypen
    ordered = sorted(statussen, key=lambda item: str(item.get("datumStatusGezet") or ""))
    for data in ordered:
        url = str(data.get("url") or "")
        statustype = statustypen.get(str(data.get("statustype") or ""))
        if not url or url in known or statustype is None:
            continue
        zaken.status_set(
            zaak=zaak,
            statustype=statustype,
            datum_status_gezet=_moment(data.get("datumStatusGezet")),
            statustoelichting=str(data.get("statustoelichting") or "")[:1000],
            bron_url=url,
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


def _project_checked(
    source: ZgwSource,
    read: ZaakAtSource,
    reader: ZgwReader,
    zaaktypen: dict[str, ZaakType] | None = None,
    types: dict[int, _Types] | None = None,
) -> Zaak | None:
    """Project what was read; None when the zaak has no party rol (and no projection yet)."""
    if not read.rollen and not ProjectedZaak.objects.filter(source=source, url=read.url).exists():
        return None
    try:
        return _project(source, read, str(read.data["zaaktype"]), reader, zaaktypen, types)
    except DomainError as exc:
        ProjectedZaak.objects.filter(source=source, url=read.url).update(last_error=str(exc)[:300])
        raise ProjectionFailed(f"A zaak of the source could not be projected: {exc}") from exc


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
    types: dict[int, _Types] = {}
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
            reads = pool.map(lambda item: zaak_read(reader, item[0], item[1], known), wanted)
            for batch in _batches(reads, WRITE_BATCH):
                with transaction.atomic():  # one commit per batch, not per zaak
                    for read in batch:
                        try:
                            zaak = _project_checked(source, read, reader, zaaktypen, types)
                        except ProjectionFailed as exc:
                            result.failed.append(str(exc))
                            continue
                        if zaak is not None:
                            result.projected.append(zaak)
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
    zaak = _project_checked(source, read, reader)
    logger.info("zgw_zaak_refreshed", source=source.naam, projected=zaak is not None)
    return zaak
