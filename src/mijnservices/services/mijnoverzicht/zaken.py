"""Links from a taak, bericht or contact to the citizen's zaak: resolved with one query for a
whole page, and only for zaken the access policy lets the citizen see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from mijnservices.core.identity import Citizen
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.policy import zaken_scope


@dataclass(frozen=True)
class ZaakLink:
    uuid: UUID
    identificatie: str
    title: str
    omschrijving: str
    zaaktype_identificatie: str


def zaak_links(citizen: Citizen, uuids: Iterable[UUID]) -> dict[UUID, ZaakLink]:
    """The citizen's zaken among ``uuids`` (one query; none when ``uuids`` is empty)."""
    # Imported here: titles import Django's translation machinery.
    from mijnservices.services.mijnzaken.titles import zaak_title
    from mijnservices.services.presentation.selectors import presentation_apply

    wanted = set(uuids)
    if not wanted:
        return {}
    zaken = (
        zaken_scope(citizen)
        .filter(uuid__in=wanted)
        .select_related("zaaktype")
        .only(
            "uuid",
            "identificatie",
            "omschrijving",
            "zaaktype__identificatie",
            "zaaktype__omschrijving",
            "zaaktype__publieke_omschrijving",
            "zaaktype__publieke_omschrijving_en",
        )
    )
    loaded = list(zaken)
    presentation_apply([zaak.zaaktype for zaak in loaded], steps=False)
    return {
        zaak.uuid: ZaakLink(
            uuid=zaak.uuid,
            identificatie=zaak.identificatie,
            title=zaak_title(zaak),
            omschrijving=zaak.omschrijving,
            zaaktype_identificatie=zaak.zaaktype.identificatie,
        )
        for zaak in loaded
    }


def zaak_api_url(zaak: Zaak) -> str:
    """The Zaken API URL of a zaak, as taken, berichten and klantcontacten refer to it."""
    from django.conf import settings

    from mijnservices.core.resources import resource_path

    return settings.SITE_URL.rstrip("/") + resource_path("zaken", "zaken", zaak.uuid)
