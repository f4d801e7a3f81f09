"""Test data built through the service layer, so the ZGW rules hold — without factory_boy.

Plain functions that need only the runtime packages: the factories (``factories.py``) build
on them, and so do the benchmarks (``mijnservices bench``), which must run without the dev
extra.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.catalogi.models import Catalogus, InformatieObjectType, ZaakType
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak

# A resultaattype's meaning and archiving class come from the Selectielijst API (required).
SELECTIELIJST = {
    "resultaattypeomschrijving": "https://selectielijst.example/api/v1/resultaattypeomschrijvingen/1",
    "selectielijstklasse": "https://selectielijst.example/api/v1/resultaten/1",
}
TEST_CATALOGUS = {
    "domein": "TEST",
    "rsin": "002220647",
    "naam": "Testcatalogus",
    "contactpersoon_beheer_naam": "Beheer",
}


def default_catalogus() -> Catalogus:
    """The one test catalogus (made on first use), as ``CatalogusFactory()`` gives it."""
    catalogus, _ = Catalogus.objects.get_or_create(
        domein=TEST_CATALOGUS["domein"],
        rsin=TEST_CATALOGUS["rsin"],
        defaults={
            "naam": TEST_CATALOGUS["naam"],
            "contactpersoon_beheer_naam": TEST_CATALOGUS["contactpersoon_beheer_naam"],
        },
    )
    return catalogus


def published_zaaktype(
    *,
    steps: int = 4,
    step_days: int = 7,
    identificatie: str | None = None,
    omschrijving: str = "Testaanvraag",
    catalogus: Catalogus | None = None,
    mede_initiator: bool = False,
    **fields: Any,
) -> ZaakType:
    """A published zaaktype with ``steps`` statustypen, a resultaattype and roltypen (with
    ``mede_initiator``, also a "Mede-aanvrager" roltype)."""
    catalogus = catalogus or default_catalogus()
    zaaktype = catalogi_services.zaaktype_create(
        catalogus=catalogus,
        identificatie=identificatie or f"ZT-{ZaakType.objects.count() + 1}",
        omschrijving=omschrijving,
        doorlooptijd=timedelta(weeks=8),
        servicenorm=timedelta(weeks=6),
        begin_geldigheid=date(2024, 1, 1),
        **fields,
    )
    for number in range(1, steps + 1):
        catalogi_services.statustype_create(
            zaaktype=zaaktype,
            volgnummer=number,
            omschrijving=f"Stap {number}",
            statustekst=f"Uitleg bij stap {number}",
            doorlooptijd=timedelta(days=step_days),
        )
    catalogi_services.resultaattype_create(
        zaaktype=zaaktype, omschrijving="Toegekend", **SELECTIELIJST
    )
    catalogi_services.roltype_create(
        zaaktype=zaaktype, omschrijving="Aanvrager", omschrijving_generiek="initiator"
    )
    catalogi_services.roltype_create(
        zaaktype=zaaktype, omschrijving="Behandelaar", omschrijving_generiek="behandelaar"
    )
    if mede_initiator:
        catalogi_services.roltype_create(
            zaaktype=zaaktype, omschrijving="Mede-aanvrager", omschrijving_generiek="mede_initiator"
        )
    return catalogi_services.zaaktype_publish(zaaktype=zaaktype)


def published_informatieobjecttype(
    *,
    catalogus: Catalogus | None = None,
    omschrijving: str = "Bijlage",
    begin_geldigheid: date = date(2024, 1, 1),
    **fields: Any,
) -> InformatieObjectType:
    """A published informatieobjecttype (category "brief" unless given) in ``catalogus``
    (the default one)."""
    fields.setdefault("informatieobjectcategorie", "brief")
    iot = catalogi_services.informatieobjecttype_create(
        catalogus=catalogus or default_catalogus(),
        omschrijving=omschrijving,
        begin_geldigheid=begin_geldigheid,
        **fields,
    )
    return catalogi_services.informatieobjecttype_publish(informatieobjecttype=iot)


def published_zaaktype_with_relations(
    *, identificatie: str | None = None, suffix: str = "", **fields: Any
) -> ZaakType:
    """A published zaaktype that also has an eigenschap, a zaakobjecttype, a
    zaaktype-informatieobjecttype and a besluittype (each related type published)."""
    catalogus = default_catalogus()
    begin = date(2024, 1, 1)
    iot = published_informatieobjecttype(
        catalogus=catalogus,
        omschrijving=f"Besluitdocument{suffix}",
        begin_geldigheid=begin,
        informatieobjectcategorie="besluit",
    )
    besluittype = catalogi_services.besluittype_create(
        catalogus=catalogus,
        omschrijving=f"Vergunning{suffix}",
        begin_geldigheid=begin,
        informatieobjecttypen=[iot.omschrijving],
    )
    catalogi_services.besluittype_publish(besluittype=besluittype)
    zaaktype = catalogi_services.zaaktype_create(
        catalogus=catalogus,
        identificatie=identificatie or f"ZT-{ZaakType.objects.count() + 1}",
        omschrijving="Aanvraag met relaties",
        doorlooptijd=timedelta(weeks=8),
        begin_geldigheid=begin,
        besluittypen=[besluittype.omschrijving],
        **fields,
    )
    statustypen = [
        catalogi_services.statustype_create(
            zaaktype=zaaktype, volgnummer=number, omschrijving=f"Stap {number}"
        )
        for number in (1, 2)
    ]
    catalogi_services.resultaattype_create(
        zaaktype=zaaktype,
        omschrijving="Verleend",
        besluittypen=[besluittype.omschrijving],
        **SELECTIELIJST,
    )
    catalogi_services.roltype_create(
        zaaktype=zaaktype, omschrijving="Aanvrager", omschrijving_generiek="initiator"
    )
    catalogi_services.eigenschap_create(
        zaaktype=zaaktype,
        naam="kenteken",
        definitie="Kenteken van het voertuig",
        formaat="tekst",
        lengte="8",
        kardinaliteit="1",
        statustype=statustypen[1],
    )
    catalogi_services.zaakobjecttype_create(
        zaaktype=zaaktype,
        objecttype="https://objecttypen.example/api/v2/objecttypes/1",
        relatie_omschrijving="Voertuig",
    )
    catalogi_services.zaaktype_informatieobjecttype_create(
        zaaktype=zaaktype,
        informatieobjecttype=iot.omschrijving,
        volgnummer=1,
        richting="uitgaand",
        statustype=statustypen[1],
    )
    return catalogi_services.zaaktype_publish(zaaktype=zaaktype)


def zaak_with_steps(
    *, for_bsn: str = "", for_kvk: str = "", status_count: int = 1, **kwargs: Any
) -> Zaak:
    """A zaak through ``zaak_create`` with its initiator (``for_bsn``/``for_kvk``) that has
    reached ``status_count`` steps (-1: closed with a resultaat)."""
    zaak = zaken_services.zaak_create(**kwargs)
    roltype = zaak.zaaktype.roltypen.get(omschrijving_generiek="initiator")
    if for_bsn:
        zaken_services.rol_create(
            zaak=zaak, roltype=roltype, betrokkene_type="natuurlijk_persoon", inp_bsn=for_bsn
        )
    if for_kvk:
        zaken_services.rol_create(
            zaak=zaak,
            roltype=roltype,
            betrokkene_type="niet_natuurlijk_persoon",
            kvk_nummer=for_kvk,
        )
    statustypen = list(zaak.zaaktype.statustypen.order_by("volgnummer"))
    reach = len(statustypen) if status_count == -1 else status_count
    moment = timezone.now() - timedelta(days=len(statustypen) + 1)
    if status_count == -1:
        zaken_services.resultaat_set(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.all()[0])
    for statustype in statustypen[:reach]:
        moment += timedelta(days=1)
        zaken_services.status_set(zaak=zaak, statustype=statustype, datum_status_gezet=moment)
    zaak.refresh_from_db()
    return zaak
