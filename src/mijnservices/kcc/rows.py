"""Zaak rows for the employee pages: the portal's zaak list partial, linking to the employee
zaak page."""

from __future__ import annotations

from uuid import UUID

from django.urls import reverse

from mijnservices.registrations.zaken.models import Zaak
from mijnservices.ui.display import DateFormatter, ZaakRow, zaak_row

_PLACEHOLDER = UUID(int=0)


def zaak_rows(zaken: list[Zaak]) -> list[ZaakRow]:
    """Rows for the portal's zaak list partial, linking to the employee zaak page."""
    pattern = reverse("kcc:zaak", args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")
    formatter = DateFormatter()
    return [zaak_row(zaak, formatter, pattern) for zaak in zaken]
