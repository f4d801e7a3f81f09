"""factory_boy factories for the registrations, with traits.

``ZaakFactory(for_bsn="999993653")`` gives a zaak with an initiator rol for that
person; ``ZaakFactory(closed=True)`` a closed one with resultaat and final status.
Everything is created through the service layer, so the ZGW rules hold.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

import factory
from django.utils import timezone

from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak

# A resultaattype's meaning and archiving class come from the Selectielijst API (required).
SELECTIELIJST = {
    "resultaattypeomschrijving": "https://selectielijst.example/api/v1/resultaattypeomschrijvingen/1",
    "selectielijstklasse": "https://selectielijst.example/api/v1/resultaten/1",
}


class CatalogusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Catalogus
        django_get_or_create = ("domein", "rsin")

    domein = "TEST"
    rsin = "002220647"
    naam = "Testcatalogus"
    contactpersoon_beheer_naam = "Beheer"


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
    catalogus = catalogus or cast(Catalogus, CatalogusFactory())
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


def published_zaaktype_with_relations(
    *, identificatie: str | None = None, suffix: str = "", **fields: Any
) -> ZaakType:
    """A published zaaktype that also has an eigenschap, a zaakobjecttype, a
    zaaktype-informatieobjecttype and a besluittype (each related type published)."""
    catalogus = cast(Catalogus, CatalogusFactory())
    begin = date(2024, 1, 1)
    iot = catalogi_services.informatieobjecttype_create(
        catalogus=catalogus,
        omschrijving=f"Besluitdocument{suffix}",
        begin_geldigheid=begin,
        informatieobjectcategorie="besluit",
    )
    catalogi_services.informatieobjecttype_publish(informatieobjecttype=iot)
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


class ZaakFactory(factory.Factory):
    """Builds a zaak through ``zaak_create``; ``for_bsn``/``for_kvk`` add the initiator."""

    class Meta:
        model = Zaak

    class Params:
        closed = factory.Trait(status_count=-1)

    zaaktype = factory.LazyFunction(published_zaaktype)
    omschrijving = factory.Sequence(lambda n: f"Aanvraag {n}")
    startdatum = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    for_bsn = ""
    for_kvk = ""
    # How many steps the zaak has reached (1 = first step); -1 = closed with resultaat.
    status_count = 1

    @classmethod
    def _create(cls, model_class: type[Zaak], **kwargs: Any) -> Zaak:
        for_bsn = kwargs.pop("for_bsn")
        for_kvk = kwargs.pop("for_kvk")
        status_count = kwargs.pop("status_count")
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
            zaken_services.resultaat_set(
                zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.all()[0]
            )
        for statustype in statustypen[:reach]:
            moment += timedelta(days=1)
            zaken_services.status_set(zaak=zaak, statustype=statustype, datum_status_gezet=moment)
        zaak.refresh_from_db()
        return zaak
