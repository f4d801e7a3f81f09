"""Builders for documents and besluiten on a zaak (portal tests and demo-like setups)."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any, cast

from django.conf import settings

from mijnservices.core.resources import resource_path
from mijnservices.registrations.besluiten import services as besluiten_services
from mijnservices.registrations.besluiten.models import Besluit
from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)
from mijnservices.registrations.documenten import services as documenten_services
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import CatalogusFactory, published_zaaktype

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
UPLOAD_TYPE = "Bijlage"
BESLUIT_TYPE = "Besluit op aanvraag"


def zaaktype_with_uploads(*, steps: int = 2, **fields: Any) -> ZaakType:
    """A published zaaktype whose citizens may add documents (type ``Bijlage``) and that
    names a besluittype, both in its own catalogus."""
    catalogus = cast(Catalogus, CatalogusFactory())
    begin = date(2024, 1, 1)
    iot = catalogi_services.informatieobjecttype_create(
        catalogus=catalogus,
        omschrijving=UPLOAD_TYPE,
        begin_geldigheid=begin,
        informatieobjectcategorie="bijlage",
        vertrouwelijkheidaanduiding="zaakvertrouwelijk",
    )
    catalogi_services.informatieobjecttype_publish(informatieobjecttype=iot)
    besluittype = catalogi_services.besluittype_create(
        catalogus=catalogus,
        omschrijving=BESLUIT_TYPE,
        begin_geldigheid=begin,
        informatieobjecttypen=[UPLOAD_TYPE],
    )
    catalogi_services.besluittype_publish(besluittype=besluittype)
    fields.setdefault("portaal_upload_informatieobjecttype", UPLOAD_TYPE)
    return published_zaaktype(
        steps=steps, catalogus=catalogus, besluittypen=[BESLUIT_TYPE], **fields
    )


def document_url(document: EnkelvoudigInformatieObject) -> str:
    return settings.SITE_URL.rstrip("/") + resource_path(
        "documenten", "enkelvoudiginformatieobjecten", document.uuid
    )


def _iot(zaak: Zaak) -> InformatieObjectType:
    return InformatieObjectType.objects.get(
        catalogus_id=zaak.zaaktype.catalogus_id, omschrijving=UPLOAD_TYPE, concept=False
    )


def new_document(
    zaak: Zaak,
    *,
    titel: str = "Brief van de gemeente",
    status: str = "definitief",
    vertrouwelijkheidaanduiding: str = "zaakvertrouwelijk",
    content: bytes = PDF,
    bestandsnaam: str = "brief.pdf",
) -> EnkelvoudigInformatieObject:
    return documenten_services.informatieobject_create(
        informatieobjecttype=_iot(zaak),
        inhoud=base64.b64encode(content).decode(),
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
        bronorganisatie="002220647",
        creatiedatum=date(2026, 1, 5),
        titel=titel,
        auteur="Gemeente",
        taal="nld",
        status=status,
        bestandsnaam=bestandsnaam,
        formaat="application/pdf",
    )


def zaak_document(zaak: Zaak, **fields: Any) -> EnkelvoudigInformatieObject:
    """A document related to ``zaak`` (zaakinformatieobject + its mirror)."""
    document = new_document(zaak, **fields)
    zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(document))
    return document


def besluit_on(zaak: Zaak, *, with_document: bool = True, **fields: Any) -> Besluit:
    """A besluit on ``zaak`` (its zaaktype must name the besluittype), with a letter."""
    besluittype = BesluitType.objects.get(catalogus_id=zaak.zaaktype.catalogus_id, concept=False)
    besluit = besluiten_services.besluit_create(
        verantwoordelijke_organisatie="002220647",
        besluittype=besluittype,
        datum=fields.pop("datum", date(2026, 2, 1)),
        ingangsdatum=fields.pop("ingangsdatum", date(2026, 2, 2)),
        zaak=zaak,
        toelichting=fields.pop("toelichting", "De vergunning is verleend."),
        **fields,
    )
    if with_document:
        letter = new_document(zaak, titel="Besluitbrief", bestandsnaam="besluit.pdf")
        besluiten_services.besluitinformatieobject_create(
            besluit=besluit, informatieobject=document_url(letter)
        )
    return besluit
