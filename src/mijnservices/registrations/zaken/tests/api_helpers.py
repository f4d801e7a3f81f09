"""Shared builders for the Zaken API tests (plain functions, no fixture chains)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from mijnservices.testing.api import TEST_SECRET, applicatie_with_secret, token

BASE = "/zaken/api/v1"
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


def zaaktype_url(zaaktype: Any) -> str:
    return f"http://testserver/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"


def zaak_url(zaak: Any) -> str:
    return f"http://testserver{BASE}/zaken/{zaak.uuid}"


def zaken_client(
    *,
    client_id: str = "zaken-client",
    zaaktypen: dict[Any, tuple[list[str], str]] | None = None,
    alles: bool = False,
    extra: list[dict[str, Any]] | None = None,
) -> Client:
    """A client with ``zaaktypen = {zaaktype: ([scopes], max_vertrouwelijkheid)}``."""
    autorisaties: list[Any] = [
        {
            "component": "zrc",
            "scopes": scopes,
            "zaaktype": zaaktype_url(zaaktype),
            "max_vertrouwelijkheidaanduiding": maximum,
        }
        for zaaktype, (scopes, maximum) in (zaaktypen or {}).items()
    ]
    applicatie_with_secret(
        client_id=client_id,
        heeft_alle_autorisaties=alles,
        autorisaties=autorisaties + (extra or []),
    )
    return Client(headers={"Authorization": f"Bearer {token(client_id, TEST_SECRET)}", **CRS})


def add_contacts(zaak: Any, n: int) -> None:
    """A klantcontact, zaakcontactmoment, zaakverzoek and zaaknotitie on ``zaak``."""
    from django.utils import timezone

    from mijnservices.registrations.zaken import services

    services.klantcontact_create(zaak=zaak, datumtijd=timezone.now(), kanaal="telefoon")
    services.zaakcontactmoment_create(zaak=zaak, contactmoment=f"https://kic.example/cm/{n}")
    services.zaakverzoek_create(zaak=zaak, verzoek=f"https://vrc.example/verzoeken/{n}")
    services.zaaknotitie_create(zaak=zaak, onderwerp="Belnotitie", tekst=f"Notitie {n}")
