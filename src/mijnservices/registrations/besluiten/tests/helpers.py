"""Shared builders for the Besluiten API tests (plain functions)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.test import Client

from mijnservices.registrations.catalogi.models import BesluitType, InformatieObjectType, ZaakType
from mijnservices.testing.api import TEST_SECRET, applicatie_with_secret, token
from mijnservices.testing.factories import published_zaaktype_with_relations

BASE = "/besluiten/api/v1"


def world(suffix: str = "") -> tuple[ZaakType, BesluitType, InformatieObjectType]:
    """A published zaaktype with one published besluittype and its informatieobjecttype."""
    zaaktype = published_zaaktype_with_relations(suffix=suffix)
    besluittype = BesluitType.objects.get(omschrijving__in=list(zaaktype.besluittypen))
    iot = InformatieObjectType.objects.get(omschrijving__in=list(besluittype.informatieobjecttypen))
    return zaaktype, besluittype, iot


def besluittype_url(besluittype: BesluitType) -> str:
    return f"http://testserver/catalogi/api/v1/besluittypen/{besluittype.uuid}"


def besluit_fields(besluittype: BesluitType, **extra: Any) -> dict[str, Any]:
    return {
        "verantwoordelijke_organisatie": "002220647",
        "besluittype": besluittype,
        "datum": date(2026, 1, 10),
        "ingangsdatum": date(2026, 1, 11),
        **extra,
    }


def besluiten_client(
    *,
    client_id: str = "brc-client",
    types: dict[Any, list[str]] | None = None,
    alles: bool = False,
) -> Client:
    autorisaties: list[Any] = [
        {
            "component": "brc",
            "scopes": scopes,
            "besluittype": besluittype_url(besluittype),
            # besluiten have no vertrouwelijkheid, but the Autorisaties registration asks one
            "max_vertrouwelijkheidaanduiding": "openbaar",
        }
        for besluittype, scopes in (types or {}).items()
    ]
    applicatie_with_secret(
        client_id=client_id, heeft_alle_autorisaties=alles, autorisaties=autorisaties
    )
    return Client(headers={"Authorization": f"Bearer {token(client_id, TEST_SECRET)}"})
