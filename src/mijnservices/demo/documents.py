"""Demo documents and besluiten: the informatieobjecttypen and besluittypen of the demo
catalogus, and the letters and forms on the demo zaken (small real PDFs).

Written through the Documenten, Zaken and Besluiten services like everything else."""

from __future__ import annotations

import base64
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from mijnservices.core.resources import resource_path
from mijnservices.demo.catalog import BEGIN_GELDIGHEID, IIT, WOZ
from mijnservices.demo.pdf import simple_pdf
from mijnservices.demo.scenarios import DocumentSpec, ZaakSpec
from mijnservices.registrations.besluiten import services as besluiten
from mijnservices.registrations.catalogi import services as catalogi
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
)
from mijnservices.registrations.documenten import services as documenten
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.models import Zaak

# omschrijving -> informatieobjectcategorie; "Bijlage" is what citizens add in the portal.
UPLOAD_TYPE = "Bijlage"
DOCUMENT_TYPES = {UPLOAD_TYPE: "bijlage", "Brief": "brief", "Besluitbrief": "besluit"}
# zaaktype identificatie -> besluittype omschrijving
BESLUITTYPEN = {
    WOZ.identificatie: "Uitspraak op bezwaar WOZ-waarde",
    IIT.identificatie: "Besluit individuele inkomenstoeslag",
}


def ensure_types(catalogus: Catalogus) -> None:
    """The demo informatieobjecttypen and besluittypen, published (idempotent)."""
    for omschrijving, categorie in DOCUMENT_TYPES.items():
        if not catalogus.informatieobjecttypen.filter(omschrijving=omschrijving).exists():
            iot = catalogi.informatieobjecttype_create(
                catalogus=catalogus,
                omschrijving=omschrijving,
                begin_geldigheid=BEGIN_GELDIGHEID,
                informatieobjectcategorie=categorie,
                vertrouwelijkheidaanduiding="zaakvertrouwelijk",
            )
            catalogi.informatieobjecttype_publish(informatieobjecttype=iot)
    for omschrijving in BESLUITTYPEN.values():
        if not catalogus.besluittypen.filter(omschrijving=omschrijving).exists():
            besluittype = catalogi.besluittype_create(
                catalogus=catalogus,
                omschrijving=omschrijving,
                begin_geldigheid=BEGIN_GELDIGHEID,
                informatieobjecttypen=["Besluitbrief"],
            )
            catalogi.besluittype_publish(besluittype=besluittype)


def zaaktype_fields(identificatie: str) -> dict[str, Any]:
    """Every demo zaaktype lets citizens add documents; two of them have a besluittype."""
    fields: dict[str, Any] = {"portaal_upload_informatieobjecttype": UPLOAD_TYPE}
    if identificatie in BESLUITTYPEN:
        fields["besluittypen"] = [BESLUITTYPEN[identificatie]]
    return fields


def _url(document: EnkelvoudigInformatieObject) -> str:
    return settings.SITE_URL.rstrip("/") + resource_path(
        "documenten", "enkelvoudiginformatieobjecten", document.uuid
    )


def _document(zaak: Zaak, spec: DocumentSpec, on: date) -> EnkelvoudigInformatieObject:
    iot = InformatieObjectType.objects.get(
        catalogus_id=zaak.zaaktype.catalogus_id, omschrijving=spec.soort, concept=False
    )
    from_citizen = spec.soort == UPLOAD_TYPE
    lines = [spec.titel, f"Zaak {zaak.identificatie}: {zaak.omschrijving}", *spec.lines]
    lines.append("Demonstratiedocument - geen echte gegevens.")
    return documenten.informatieobject_create(
        informatieobjecttype=iot,
        inhoud=base64.b64encode(simple_pdf(lines)).decode(),
        bronorganisatie=settings.ORGANISATION_RSIN,
        creatiedatum=on,
        ontvangstdatum=on if from_citizen else None,
        verzenddatum=None if from_citizen else on,
        titel=spec.titel,
        auteur="Aanvrager" if from_citizen else settings.ORGANISATION_NAME,
        status="definitief",
        formaat="application/pdf",
        taal="nld",
        bestandsnaam=spec.bestandsnaam,
    )


def add_to_zaak(zaak: Zaak, spec: ZaakSpec, *, today: date) -> None:
    for document_spec in spec.documents:
        document = _document(zaak, document_spec, today - timedelta(days=document_spec.days_ago))
        on = today - timedelta(days=document_spec.days_ago)
        zaken.zaakinformatieobject_create(
            zaak=zaak,
            informatieobject=_url(document),
            titel=document_spec.titel,
            registratiedatum=timezone.make_aware(datetime.combine(on, time(10))),
        )
    if spec.besluit is None:
        return
    on = today - timedelta(days=spec.besluit.days_ago)
    besluittype = BesluitType.objects.get(
        catalogus_id=zaak.zaaktype.catalogus_id,
        omschrijving=BESLUITTYPEN[zaak.zaaktype.identificatie],
    )
    besluit = besluiten.besluit_create(
        verantwoordelijke_organisatie=settings.ORGANISATION_RSIN,
        besluittype=besluittype,
        datum=on,
        ingangsdatum=on,
        zaak=zaak,
        toelichting=spec.besluit.toelichting,
    )
    letter = _document(
        zaak,
        DocumentSpec(spec.besluit.brief, "besluit.pdf", spec.besluit.days_ago, "Besluitbrief"),
        on,
    )
    besluiten.besluitinformatieobject_create(besluit=besluit, informatieobject=_url(letter))
