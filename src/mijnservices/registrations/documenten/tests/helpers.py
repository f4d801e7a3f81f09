"""Shared builders for the Documenten (and Besluiten) API tests: plain functions."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any, cast

from django.test import Client

from mijnservices.registrations.catalogi.models import Catalogus, InformatieObjectType
from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.testing import builders
from mijnservices.testing.api import TEST_SECRET, applicatie_with_secret, token
from mijnservices.testing.factories import CatalogusFactory

BASE = "/documenten/api/v1"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def published_informatieobjecttype(
    omschrijving: str = "Brief",
    vertrouwelijkheidaanduiding: str = "openbaar",
    *,
    catalogus: Catalogus | None = None,
) -> InformatieObjectType:
    """The shared builder, in a catalogus of its own unless one is given."""
    return builders.published_informatieobjecttype(
        catalogus=catalogus or cast(Catalogus, CatalogusFactory()),
        omschrijving=omschrijving,
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
    )


def iot_url(iot: InformatieObjectType) -> str:
    return f"http://testserver/catalogi/api/v1/informatieobjecttypen/{iot.uuid}"


def document_url(document: EnkelvoudigInformatieObject) -> str:
    return f"http://testserver{BASE}/enkelvoudiginformatieobjecten/{document.uuid}"


def document(iot: InformatieObjectType, *, content: bytes | None = PDF, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "bronorganisatie": "002220647",
        "creatiedatum": date(2026, 1, 5),
        "titel": "Besluit op aanvraag",
        "auteur": "Gemeente",
        "taal": "nld",
        "bestandsnaam": "besluit.pdf",
        "formaat": "application/pdf",
        **fields,
    }
    return services.informatieobject_create(
        informatieobjecttype=iot, inhoud=b64(content) if content is not None else None, **values
    )


def documenten_client(
    *,
    client_id: str = "drc-client",
    types: dict[Any, tuple[list[str], str]] | None = None,
    alles: bool = False,
    extra: list[dict[str, Any]] | None = None,
) -> Client:
    """A client with ``types = {informatieobjecttype: ([scopes], max_vertrouwelijkheid)}``."""
    autorisaties: list[Any] = [
        {
            "component": "drc",
            "scopes": scopes,
            "informatieobjecttype": iot_url(iot),
            "max_vertrouwelijkheidaanduiding": maximum,
        }
        for iot, (scopes, maximum) in (types or {}).items()
    ]
    applicatie_with_secret(
        client_id=client_id,
        heeft_alle_autorisaties=alles,
        autorisaties=autorisaties + (extra or []),
    )
    return Client(headers={"Authorization": f"Bearer {token(client_id, TEST_SECRET)}"})
