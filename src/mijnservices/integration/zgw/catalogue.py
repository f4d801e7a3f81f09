"""Projecting a source's catalogue: its published zaaktypen with their statustypen,
resultaattypen and roltypen become local Catalogi rows marked with their ``bron_url``
(decision 0029), written through the Catalogi services.

A published zaaktype version is frozen at the source (ztc), so a version that is already
projected is left as it is; a new version at the source becomes a new local version.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import structlog
from django.db import transaction
from django.utils.dateparse import parse_date, parse_duration

from mijnservices.core.errors import DomainError
from mijnservices.integration.zgw.client import SourceError, ZgwReader
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.registrations.catalogi import services as catalogi
from mijnservices.registrations.catalogi.models import Catalogus, Vertrouwelijkheid, ZaakType

logger = structlog.get_logger(__name__)


def _duration(value: Any) -> timedelta | None:
    return parse_duration(str(value)) if value else None


def _date(value: Any) -> date | None:
    return parse_date(str(value)[:10]) if value else None


def _text(data: dict[str, Any], key: str, length: int) -> str:
    return str(data.get(key) or "")[:length]


def _catalogus(reader: ZgwReader, url: str) -> Catalogus:
    found = Catalogus.objects.filter(bron_url=url).first()
    if found is not None:
        return found
    data = reader.get(url)
    return catalogi.catalogus_create(
        domein=_text(data, "domein", 5),
        rsin=_text(data, "rsin", 9),
        naam=_text(data, "naam", 200),
        contactpersoon=_text(data, "contactpersoonBeheerNaam", 40),
        bron_url=url,
    )


def _vertrouwelijkheid(value: Any) -> str:
    return str(value) if value in Vertrouwelijkheid.values else Vertrouwelijkheid.ZAAKVERTROUWELIJK


def zaaktype_project(*, source: ZgwSource, reader: ZgwReader, url: str) -> ZaakType:
    """The local projection of the zaaktype at ``url``, imported on first sight."""
    found = ZaakType.objects.filter(bron_url=url).first()
    if found is not None:
        return found
    data = reader.get(url)
    if data.get("concept"):
        raise SourceError("The source's zaaktype is not published.")
    root = reader.root("catalogi")
    statustypen = list(reader.get_all(root + "statustypen", {"zaaktype": url}))
    resultaattypen = list(reader.get_all(root + "resultaattypen", {"zaaktype": url}))
    roltypen = list(reader.get_all(root + "roltypen", {"zaaktype": url}))
    with transaction.atomic():
        catalogus = _catalogus(reader, str(data["catalogus"]))
        zaaktype = catalogi.zaaktype_create(
            catalogus=catalogus,
            identificatie=_text(data, "identificatie", 50),
            omschrijving=_text(data, "omschrijving", 80),
            doorlooptijd=_duration(data.get("doorlooptijd")) or timedelta(0),
            servicenorm=_duration(data.get("servicenorm")),
            begin_geldigheid=_date(data.get("beginGeldigheid")) or date.today(),
            einde_geldigheid=_date(data.get("eindeGeldigheid")),
            versiedatum=_date(data.get("versiedatum")),
            vertrouwelijkheidaanduiding=_vertrouwelijkheid(data.get("vertrouwelijkheidaanduiding")),
            omschrijving_generiek=_text(data, "omschrijvingGeneriek", 80),
            onderwerp=_text(data, "onderwerp", 80),
            handeling_initiator=_text(data, "handelingInitiator", 20),
            handeling_behandelaar=_text(data, "handelingBehandelaar", 20),
            bron_url=url,
        )
        for item in statustypen:
            catalogi.statustype_create(
                zaaktype=zaaktype,
                volgnummer=int(item["volgnummer"]),
                omschrijving=_text(item, "omschrijving", 80),
                doorlooptijd=_duration(item.get("doorlooptijd")),
                omschrijving_generiek=_text(item, "omschrijvingGeneriek", 80),
                statustekst=_text(item, "statustekst", 1000),
                informeren=bool(item.get("informeren")),
                bron_url=str(item["url"]),
            )
        for item in resultaattypen:
            catalogi.resultaattype_create(
                zaaktype=zaaktype,
                omschrijving=_text(item, "omschrijving", 30),
                resultaattypeomschrijving=_text(item, "resultaattypeomschrijving", 1000),
                selectielijstklasse=_text(item, "selectielijstklasse", 1000),
                omschrijving_generiek=_text(item, "omschrijvingGeneriek", 80),
                archiefnominatie=_text(item, "archiefnominatie", 20),
                archiefactietermijn=_duration(item.get("archiefactietermijn")),
                bron_url=str(item["url"]),
            )
        for item in roltypen:
            catalogi.roltype_create(
                zaaktype=zaaktype,
                omschrijving=_text(item, "omschrijving", 100),
                omschrijving_generiek=_text(item, "omschrijvingGeneriek", 20),
                bron_url=str(item["url"]),
            )
        try:
            zaaktype = catalogi.zaaktype_publish(zaaktype=zaaktype)
        except DomainError as exc:
            raise SourceError(f"The source's zaaktype cannot be used here: {exc}") from exc
    logger.info("zgw_zaaktype_projected", source=source.naam, zaaktype=zaaktype.identificatie)
    return zaaktype


def catalogue_import(*, source: ZgwSource, reader: ZgwReader) -> list[ZaakType]:
    """Project the source's published zaaktypen (those chosen for the source, or all)."""
    chosen = set(source.zaaktypen or [])
    projected: list[ZaakType] = []
    root = reader.root("catalogi")
    for data in reader.get_all(root + "zaaktypen", {"status": "definitief"}):
        if chosen and data.get("identificatie") not in chosen:
            continue
        if not reader.within_roots(str(data.get("url", ""))):
            continue
        projected.append(zaaktype_project(source=source, reader=reader, url=str(data["url"])))
    return projected
