"""Projecting read zaken into the registration's own tables (decisions 0029 and 0042).

Only what the portal, the KCC and the Notificatieservice need is kept (data minimisation):
the zaak, its statussen, its resultaat, its *party* rollen, and its documents and besluiten as
metadata. This module is the one mapping from the source's answers to our rows, for a login
sync of fifty zaken and for the one zaak a notificatie names alike:

1. one read of what is stored for the batch's zaken (links, rollen, statussen, resultaten);
2. per zaak the difference with what was read; a zaak with none is skipped entirely;
3. the differences written by the Zaken registration's bulk service
   (``zaken.projection.zaken_project``), which keeps the per-object services' rules and outbox
   events, so a status that is new at the source still reaches the citizen as an e-mail;
4. the documents and besluiten, the links and ``last_synced`` in a few statements more.

Projecting is idempotent (objects are matched by their URL at the source, ``bron_url``). HTTP
happens before the transaction that writes, never inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from mijnservices.core.errors import DomainError
from mijnservices.integration.zgw.documents import documents_project
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.reading import ZaakAtSource, identification
from mijnservices.registrations.catalogi.models import ResultaatType, RolType, StatusType, ZaakType
from mijnservices.registrations.zaken.models import Resultaat, Rol, Status, Zaak
from mijnservices.registrations.zaken.services.projection import (
    ResultaatChange,
    StatusChange,
    ZaakChange,
    zaken_project,
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
class Types:
    """A zaaktype's statustypen, roltypen and resultaattypen by their URL at the source,
    loaded once per sync instead of once per zaak."""

    statustypen: dict[str, StatusType]
    roltypen: dict[str, RolType]
    resultaattypen: dict[str, ResultaatType]


def _types_of(zaaktype_id: int, cache: dict[int, Types]) -> Types:
    found = cache.get(zaaktype_id)
    if found is None:
        found = cache[zaaktype_id] = Types(
            {st.bron_url: st for st in StatusType.objects.filter(zaaktype_id=zaaktype_id)},
            {rt.bron_url: rt for rt in RolType.objects.filter(zaaktype_id=zaaktype_id)},
            {rt.bron_url: rt for rt in ResultaatType.objects.filter(zaaktype_id=zaaktype_id)},
        )
    return found


@dataclass
class _Stored:
    """What is stored of a batch's zaken, read once for all of them."""

    links: dict[str, ProjectedZaak]  # URL at the source → link (with zaak, status, zaaktype)
    rollen: dict[int, dict[str, Rol]] = field(default_factory=dict)  # zaak id → bron_url → rol
    statussen: dict[int, set[str]] = field(default_factory=dict)  # zaak id → bron_urls
    resultaten: dict[int, Resultaat] = field(default_factory=dict)


def _stored(source: ZgwSource, urls: list[str]) -> _Stored:
    links = {
        link.url: link
        for link in ProjectedZaak.objects.select_related(
            "zaak", "zaak__status", "zaak__zaaktype"
        ).filter(source=source, url__in=urls)
    }
    stored = _Stored(links)
    ids = [link.zaak_id for link in links.values()]
    if not ids:
        return stored
    for rol in Rol.objects.filter(zaak_id__in=ids).exclude(bron_url=""):
        stored.rollen.setdefault(rol.zaak_id, {})[rol.bron_url] = rol
    for zaak_id, url in Status.objects.filter(zaak_id__in=ids).values_list("zaak_id", "bron_url"):
        stored.statussen.setdefault(zaak_id, set()).add(url)
    stored.resultaten = {r.zaak_id: r for r in Resultaat.objects.filter(zaak_id__in=ids)}
    return stored


def _change(
    read: ZaakAtSource, zaak: Zaak | None, zaaktype: ZaakType, stored: _Stored, types: Types
) -> ZaakChange:
    """What is new about the zaak at the source compared with what is stored."""
    fields = _zaak_fields(read.data)
    pk = zaak.pk if zaak is not None else None
    change = ZaakChange(zaaktype=zaaktype, zaak=zaak)
    if zaak is None:
        change.create = {
            "identificatie": str(read.data.get("identificatie") or "")[:40],
            "bronorganisatie": str(read.data.get("bronorganisatie") or "")[:9] or None,
            "startdatum": _date(read.data.get("startdatum")) or timezone.localdate(),
            "registratiedatum": _date(read.data.get("registratiedatum")),
            "uiterlijke_einddatum_afdoening": _date(read.data.get("uiterlijkeEinddatumAfdoening")),
            "bron_url": read.url,
            **fields,
        }
    else:
        change.update = {
            name: value
            for name, value in fields.items()
            if value not in ("", None) and getattr(zaak, name) != value
        }
    local = stored.rollen.get(pk, {}) if pk else {}
    seen: set[str] = set()
    for data in read.rollen:
        url = str(data.get("url") or "")
        roltype = types.roltypen.get(str(data.get("roltype") or ""))
        if url in seen or url in local or not url or roltype is None:
            seen.add(url)
            continue
        seen.add(url)
        change.rollen.append(
            {
                "roltype": roltype,
                "betrokkene_type": str(data.get("betrokkeneType") or ""),
                "betrokkene_identificatie": identification(
                    data.get("betrokkeneIdentificatie") or {}
                ),
                "roltoelichting": str(data.get("roltoelichting") or "")[:1000],
                "indicatie_machtiging": str(data.get("indicatieMachtiging") or ""),
                "bron_url": url,
            }
        )
    change.rollen_gone = [rol for url, rol in local.items() if url not in seen]
    change.resultaat_now = stored.resultaten.get(pk) if pk else None
    resultaattype = types.resultaattypen.get(str((read.resultaat or {}).get("resultaattype")))
    now = change.resultaat_now
    if resultaattype is not None and (now is None or now.resultaattype_id != resultaattype.pk):
        toelichting = str((read.resultaat or {}).get("toelichting") or "")
        change.resultaat = ResultaatChange(resultaattype=resultaattype, toelichting=toelichting)
    known = set(stored.statussen.get(pk, set())) if pk else set()
    for data in sorted(read.statussen, key=lambda item: str(item.get("datumStatusGezet") or "")):
        url = str(data.get("url") or "")
        statustype = types.statustypen.get(str(data.get("statustype") or ""))
        if not url or url in known or statustype is None:
            continue
        known.add(url)
        change.statussen.append(
            StatusChange(
                statustype=statustype,
                datum_status_gezet=_moment(data.get("datumStatusGezet")),
                statustoelichting=str(data.get("statustoelichting") or "")[:1000],
                bron_url=url,
            )
        )
    return change


def _empty(change: ZaakChange) -> bool:
    return change.zaak is not None and not (
        change.update or change.rollen or change.rollen_gone or change.resultaat
        or change.statussen
    )  # fmt: skip


@dataclass
class Projection:
    """What a batch became: URL at the source → local zaak, or → why it could not be
    projected (a rule of our registration; the other zaken were). A zaak without a party rol
    that was never projected is in neither."""

    zaken: dict[str, Zaak] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def zaken_project_read(
    *,
    source: ZgwSource,
    reads: list[ZaakAtSource],
    zaaktypen: dict[str, ZaakType],
    types: dict[int, Types] | None = None,
) -> Projection:
    """Project what was read of ``reads`` in one transaction. ``zaaktypen``: the projected
    zaaktype of each zaaktype URL a new zaak may name (projected beforehand: that is HTTP)."""
    types = types if types is not None else {}
    result = Projection()
    now = timezone.now()
    with transaction.atomic():
        # Projections of one source are written one at a time (two logins of the same
        # person at once must not both create a zaak): the source's row is the lock.
        list(ZgwSource.objects.select_for_update().filter(pk=source.pk).values_list("pk"))
        stored = _stored(source, [read.url for read in reads])
        changes: list[tuple[ZaakAtSource, ZaakChange]] = []
        untouched: list[str] = []
        for read in reads:
            link = stored.links.get(read.url)
            if link is None and not read.rollen:
                continue  # not a party's zaak, and never projected
            zaak = link.zaak if link is not None else None
            zaaktype = zaak.zaaktype if zaak is not None else zaaktypen[str(read.data["zaaktype"])]
            change = _change(read, zaak, zaaktype, stored, _types_of(zaaktype.pk, types))
            if _empty(change):
                result.zaken[read.url] = link.zaak  # type: ignore[union-attr]
                untouched.append(read.url)
            else:
                changes.append((read, change))
        written = zaken_project(changes=[change for _, change in changes]) if changes else []
        new_links: list[ProjectedZaak] = []
        for (read, _), outcome in zip(changes, written, strict=True):
            if isinstance(outcome, DomainError):
                result.failed[read.url] = str(outcome)
                continue
            result.zaken[read.url] = outcome
            if read.url not in stored.links:
                new_links.append(
                    ProjectedZaak(source=source, zaak=outcome, url=read.url, last_synced=now)
                )
        ProjectedZaak.objects.bulk_create(new_links)
        by_url = {read.url: read for read in reads}
        documents_project(
            source=source,
            items=[(zaak, by_url[url].documents) for url, zaak in result.zaken.items()],
        )
        kept = [url for url in result.zaken if url in stored.links]
        ProjectedZaak.objects.filter(source=source, url__in=kept).update(
            last_synced=now, last_error=""
        )
        for url, error in result.failed.items():
            ProjectedZaak.objects.filter(source=source, url=url).update(last_error=error[:300])
    return result
