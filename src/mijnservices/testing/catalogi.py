"""Small builders for Catalogi tests (through the services, so the ztc rules hold)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType
from mijnservices.testing.factories import CatalogusFactory


def concept_zaaktype(*, identificatie: str | None = None, **fields: Any) -> ZaakType:
    """A concept zaaktype in the test catalogus, geldig from 2025-01-01."""
    return services.zaaktype_create(
        catalogus=cast(Catalogus, CatalogusFactory()),
        identificatie=identificatie or f"ZT-C{ZaakType.objects.count() + 1}",
        omschrijving="Concept",
        doorlooptijd=timedelta(weeks=8),
        begin_geldigheid=date(2025, 1, 1),
        **fields,
    )
