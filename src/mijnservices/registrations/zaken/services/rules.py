"""Checks on the attributes of a zaak that several writes share (zrc-012 … zrc-015, zrc-022)."""

from __future__ import annotations

from typing import Any

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken import geometry
from mijnservices.registrations.zaken.models import Archiefstatus, Betalingsindicatie, Zaak

# Attributes a client may set through zaak_create / zaak_update besides the basic ones.
ZAAK_FIELDS = {
    "omschrijving",
    "toelichting",
    "registratiedatum",
    "startdatum",
    "einddatum_gepland",
    "uiterlijke_einddatum_afdoening",
    "vertrouwelijkheidaanduiding",
    "verantwoordelijke_organisatie",
    "publicatiedatum",
    "communicatiekanaal",
    "producten_of_diensten",
    "betalingsindicatie",
    "laatste_betaaldatum",
    "zaakgeometrie",
    "verlenging",
    "opschorting",
    "selectielijstklasse",
    "hoofdzaak",
    "relevante_andere_zaken",
    "kenmerken",
    "archiefnominatie",
    "archiefstatus",
    "archiefactiedatum",
    "startdatum_bewaartermijn",
    "opdrachtgevende_organisatie",
    "processobjectaard",
    "processobject",
}


def _current(zaak: Zaak | None, fields: dict[str, Any], name: str, default: Any = None) -> Any:
    if name in fields:
        return fields[name]
    return getattr(zaak, name) if zaak is not None else default


def check_zaak_fields(
    *, zaak: Zaak | None, zaaktype: ZaakType, fields: dict[str, Any]
) -> dict[str, Any]:
    """Validate ``fields`` for a new (``zaak=None``) or existing zaak; returns them with
    derived values added (geometry bounding box, cleared laatsteBetaaldatum)."""
    unknown = set(fields) - ZAAK_FIELDS
    if unknown:
        raise TypeError(f"Not a zaak attribute: {', '.join(sorted(unknown))}")
    fields = dict(fields)
    hoofdzaak = fields.get("hoofdzaak")
    if hoofdzaak is not None:  # zrc-013
        if zaak is not None and hoofdzaak.pk == zaak.pk:
            raise DomainError(
                "A zaak cannot be its own hoofdzaak.", code="self-forbidden", field="hoofdzaak"
            )
        if hoofdzaak.hoofdzaak_id is not None or (zaak is not None and zaak.deelzaken.exists()):
            raise DomainError(
                "A deelzaak cannot have deelzaken.",
                code="deelzaak-als-hoofdzaak",
                field="hoofdzaak",
            )
    # zrc-014
    indicatie = _current(zaak, fields, "betalingsindicatie", "")
    if indicatie == Betalingsindicatie.NVT:
        if fields.get("laatste_betaaldatum") is not None:
            raise DomainError(
                "laatsteBetaaldatum cannot be set when betalingsindicatie is nvt.",
                code="betaling-nvt",
                field="laatste_betaaldatum",
            )
        fields["laatste_betaaldatum"] = None
    # zrc-015
    products = fields.get("producten_of_diensten")
    if products and not set(products) <= set(zaaktype.producten_of_diensten or []):
        raise DomainError(
            "productenOfDiensten must be a subset of the zaaktype's.",
            code="invalid-products-services",
            field="producten_of_diensten",
        )
    # zrc-022
    archiefstatus = _current(zaak, fields, "archiefstatus", Archiefstatus.NOG_TE_ARCHIVEREN)
    if archiefstatus != Archiefstatus.NOG_TE_ARCHIVEREN:
        if zaak is not None and "archiefstatus" in fields:
            check_documents_archived(zaak)
        for name in ("archiefnominatie", "archiefactiedatum"):
            if not _current(zaak, fields, name):
                raise DomainError(
                    f"{name} must be set before the archiefstatus changes.",
                    code=f"{name}-not-set",
                    field=name,
                )
    if "zaakgeometrie" in fields:
        shape = fields["zaakgeometrie"]
        box: tuple[float | None, ...] = (None, None, None, None)
        if shape is not None:
            try:
                geometry.validate(shape)
                box = geometry.bbox(shape)
            except geometry.InvalidGeometry as exc:
                raise DomainError(str(exc), code="invalid", field="zaakgeometrie") from exc
        fields.update(zip(("geo_min_x", "geo_min_y", "geo_max_x", "geo_max_y"), box, strict=True))
    return fields


def check_documents_archived(zaak: Zaak) -> None:
    """zrc-022: a zaak leaves ``nog_te_archiveren`` only when every related informatieobject
    of our Documenten registration has status ``gearchiveerd`` (reported first, as Open Zaak's
    validator). Documents of another Documenten API are not fetched (docs/standards.md)."""
    from mijnservices.registrations.documenten import services as documenten

    for url in zaak.zaakinformatieobjecten.values_list("informatieobject", flat=True):
        document = documenten.document_for_url(url)
        if not document or document.huidige_versie is None:
            continue
        if document.huidige_versie.status != "gearchiveerd":
            raise DomainError(
                "Every related informatieobject must be gearchiveerd first.",
                code="documents-not-archived",
                field="archiefstatus",
            )


def check_gebruiksrechten_specified(zaak: Zaak) -> None:
    """zrc-007: a zaak closes only when every related informatieobject says whether
    gebruiksrechten apply (``indicatieGebruiksrecht`` true or false, not null). Documents of
    another Documenten API are not fetched (docs/standards.md)."""
    from mijnservices.registrations.documenten import services as documenten

    for url in zaak.zaakinformatieobjecten.values_list("informatieobject", flat=True):
        document = documenten.document_for_url(url)
        if not document or document.huidige_versie is None:
            continue
        if document.huidige_versie.indicatie_gebruiksrecht is None:
            raise DomainError(
                "A related informatieobject has no indicatieGebruiksrecht yet.",
                code="indicatiegebruiksrecht-unset",
            )


def check_informatieobjecttype_of_zaaktype(zaak: Zaak, informatieobject: str) -> None:
    """zrc-017: a document of our Documenten registration joins a zaak (through the Zaken API)
    only when the zaak's zaaktype names its informatieobjecttype in a
    zaaktype-informatieobjecttype (by omschrijving, in the zaaktype's catalogus; whatever the
    geldigheid of the type's versions, as Open Zaak asks only the relation). Documents of
    another Documenten API are not fetched (docs/standards.md)."""
    from mijnservices.registrations.documenten import services as documenten

    document = documenten.document_for_url(informatieobject)
    if not document or document.huidige_versie is None:
        return
    informatieobjecttype = document.huidige_versie.informatieobjecttype
    zaaktype = zaak.zaaktype
    if (
        informatieobjecttype.catalogus_id != zaaktype.catalogus_id
        or not zaaktype.zaaktype_informatieobjecttypen.filter(
            informatieobjecttype=informatieobjecttype.omschrijving
        ).exists()
    ):
        raise DomainError(
            "The informatieobjecttype of the document is not one of the zaaktype's.",
            code="missing-zaaktype-informatieobjecttype-relation",
        )
