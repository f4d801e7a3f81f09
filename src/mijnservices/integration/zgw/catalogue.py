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


# What a gemeente sets locally for citizens on a zaaktype (never read from the source) and
# per step; a new version of the source's zaaktype starts with the previous version's.
LOCAL_ZAAKTYPE_FIELDS = (
    "publieke_omschrijving",
    "publieke_omschrijving_en",
    "stilte_signaal_dagen",
    "toon_behandelaar",
    "portaal_upload_informatieobjecttype",
    "vraag_antwoordtermijn_werkdagen",
)
LOCAL_STATUSTYPE_FIELDS = ("statustekst_en",)
# Texts the source gives too; the previous version's local text stays unless the source
# changed its own text for that step in the new version.
SOURCE_STATUSTYPE_TEXTS = ("statustekst",)


def zaaktype_versions_key(zaaktype: ZaakType) -> str:
    """One key for every version of a zaaktype: its catalogus (the source's URL for a
    projected one, our uuid for our own) and its identificatie, which ZGW keeps across
    versions. Settings that should outlive a new version (citizen texts, a portal
    presentation) are keyed on this."""
    catalogus = zaaktype.catalogus
    where = catalogus.bron_url or f"urn:uuid:{catalogus.uuid}"
    return f"{where}#{zaaktype.identificatie}"


def zaaktype_previous_version(zaaktype: ZaakType) -> ZaakType | None:
    """The latest other version with the same key that began before this one."""
    return (
        ZaakType.objects.filter(
            catalogus_id=zaaktype.catalogus_id,
            identificatie=zaaktype.identificatie,
            concept=False,
            begin_geldigheid__lte=zaaktype.begin_geldigheid,
        )
        .exclude(pk=zaaktype.pk)
        .order_by("-begin_geldigheid", "-pk")
        .first()
    )


def _inherited(previous: ZaakType | None) -> dict[str, Any]:
    if previous is None:
        return {}
    return {name: getattr(previous, name) for name in LOCAL_ZAAKTYPE_FIELDS}


def _source_texts(reader: ZgwReader, previous: ZaakType | None) -> dict[str, dict[str, Any]]:
    """The previous version's steps as the source gives them (omschrijving → statustype), to
    tell a text the source changed from one it kept; {} when they cannot be read."""
    if previous is None or not reader.within_roots(previous.bron_url):
        return {}
    root = reader.root("catalogi")
    try:
        items = reader.get_all(root + "statustypen", {"zaaktype": previous.bron_url})
        return {str(item.get("omschrijving")): item for item in items}
    except SourceError:
        return {}


def _step_texts(
    previous: ZaakType | None, item: dict[str, Any], at_source: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The local texts of the previous version's step with the same omschrijving (or, failing
    that, the same volgnummer), for the texts the source did not change."""
    if previous is None:
        return {}
    steps = list(previous.statustypen.all())
    match = next((st for st in steps if st.omschrijving == item.get("omschrijving")), None)
    if match is None:
        match = next((st for st in steps if st.volgnummer == int(item["volgnummer"])), None)
    if match is None:
        return {}
    found = {name: getattr(match, name) for name in LOCAL_STATUSTYPE_FIELDS}
    before = at_source.get(match.omschrijving, {})
    for name in SOURCE_STATUSTYPE_TEXTS:
        if not item.get(name) or item.get(name) == before.get(name):
            found[name] = getattr(match, name)
    return found


def zaaktype_project(*, source: ZgwSource, reader: ZgwReader, url: str) -> ZaakType:
    """The local projection of the zaaktype at ``url``, imported on first sight. A new
    version keeps the citizen settings and step texts set here for the previous one."""
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
    catalogus_url = str(data["catalogus"])
    found_catalogus = Catalogus.objects.filter(bron_url=catalogus_url).first()
    previous = (
        zaaktype_previous_version(
            ZaakType(
                catalogus=found_catalogus,
                identificatie=_text(data, "identificatie", 50),
                begin_geldigheid=_date(data.get("beginGeldigheid")) or date.today(),
            )
        )
        if found_catalogus is not None
        else None
    )
    at_source = _source_texts(reader, previous)
    begin = _date(data.get("beginGeldigheid")) or date.today()
    with transaction.atomic():
        if previous is not None and (
            previous.einde_geldigheid is None or previous.einde_geldigheid >= begin
        ):
            # The source ended the previous version when it published this one (ztc-012);
            # our copy was made before that and is ended here the same way.
            catalogi.zaaktype_update(zaaktype=previous, einde_geldigheid=begin - timedelta(days=1))
        catalogus = _catalogus(reader, catalogus_url)
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
            **_inherited(previous),
        )
        for item in statustypen:
            fields: dict[str, Any] = {
                "statustekst": _text(item, "statustekst", 1000),
                **_step_texts(previous, item, at_source),
            }
            catalogi.statustype_create(
                zaaktype=zaaktype,
                volgnummer=int(item["volgnummer"]),
                omschrijving=_text(item, "omschrijving", 80),
                doorlooptijd=_duration(item.get("doorlooptijd")),
                omschrijving_generiek=_text(item, "omschrijvingGeneriek", 80),
                informeren=bool(item.get("informeren")),
                bron_url=str(item["url"]),
                **fields,
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
