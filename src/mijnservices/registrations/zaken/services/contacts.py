"""Writes for klantcontacten, zaakcontactmomenten, zaakverzoeken, zaaknotities, zaakeigenschap
changes and zaaknummer reservations (Zaken API 1.7)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.catalogi.models import Eigenschap
from mijnservices.registrations.zaken.models import (
    KlantContact,
    Zaak,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakNotitie,
    ZaakVerzoek,
)
from mijnservices.registrations.zaken.services.core import _zaak_event, identificatie_generate


def _event(zaak: Zaak, resource: str, collection: str, uuid: Any, actie: str) -> None:
    _zaak_event(
        zaak, resource=resource, actie=actie, resource_id=resource_path("zaken", collection, uuid)
    )


@transaction.atomic
def klantcontact_create(
    *,
    zaak: Zaak,
    datumtijd: datetime,
    identificatie: str = "",
    kanaal: str = "",
    onderwerp: str = "",
    toelichting: str = "",
) -> KlantContact:
    """A klantcontact; without ``identificatie`` a random one is generated (14 characters,
    the standard's maximum; no counter, so concurrent creates never collide)."""
    if not identificatie:
        identificatie = f"KC{uuid.uuid4().hex[:12].upper()}"
    klantcontact = KlantContact.objects.create(
        zaak=zaak,
        identificatie=identificatie,
        datumtijd=datumtijd,
        kanaal=kanaal,
        onderwerp=onderwerp,
        toelichting=toelichting,
    )
    _event(zaak, "klantcontact", "klantcontacten", klantcontact.uuid, "create")
    return klantcontact


def _linked(
    model: type[models.Model], field: str, resource: str, collection: str
) -> tuple[Callable[..., Any], Callable[..., None]]:
    """create/delete for a zaak ↔ URL relation that may exist once per zaak."""

    @transaction.atomic
    def create(*, zaak: Zaak, **values: str) -> Any:
        url = values[field]
        if model._default_manager.filter(zaak=zaak, **{field: url}).exists():
            raise DomainError(
                f"This {field} is already related to the zaak.", code="unique", field=field
            )
        obj = model._default_manager.create(zaak=zaak, **{field: url})
        _event(zaak, resource, collection, obj.uuid, "create")  # type: ignore[attr-defined]
        return obj

    @transaction.atomic
    def delete(**instance: Any) -> None:
        (obj,) = instance.values()
        zaak, uuid = obj.zaak, obj.uuid
        obj.delete()
        _event(zaak, resource, collection, uuid, "destroy")

    return create, delete


zaakcontactmoment_create, zaakcontactmoment_delete = _linked(
    ZaakContactMoment, "contactmoment", "zaakcontactmoment", "zaakcontactmomenten"
)
zaakverzoek_create, zaakverzoek_delete = _linked(
    ZaakVerzoek, "verzoek", "zaakverzoek", "zaakverzoeken"
)


@transaction.atomic
def zaaknotitie_create(*, zaak: Zaak, onderwerp: str, tekst: str, **fields: Any) -> ZaakNotitie:
    notitie = ZaakNotitie.objects.create(zaak=zaak, onderwerp=onderwerp, tekst=tekst, **fields)
    _event(zaak, "zaaknotitie", "zaaknotities", notitie.uuid, "create")
    return notitie


@transaction.atomic
def zaaknotitie_update(*, zaaknotitie: ZaakNotitie, **fields: Any) -> ZaakNotitie:
    zaak = fields.pop("zaak", zaaknotitie.zaak)
    if zaak.pk != zaaknotitie.zaak_id:
        raise DomainError(
            "A notitie cannot move to another zaak.",
            code="wijzigen-niet-toegelaten",
            field="gerelateerdAan",
        )
    model_assign(zaaknotitie, fields)
    zaaknotitie.save()
    _event(zaak, "zaaknotitie", "zaaknotities", zaaknotitie.uuid, "update")
    return zaaknotitie


@transaction.atomic
def zaaknotitie_delete(*, zaaknotitie: ZaakNotitie) -> None:
    zaak, uuid = zaaknotitie.zaak, zaaknotitie.uuid
    zaaknotitie.delete()
    _event(zaak, "zaaknotitie", "zaaknotities", uuid, "destroy")


def _eigenschap_collection(zaak: Zaak) -> str:
    return f"zaken/{zaak.uuid}/zaakeigenschappen"


@transaction.atomic
def zaakeigenschap_update(
    *,
    zaakeigenschap: ZaakEigenschap,
    waarde: str,
    zaak: Zaak | None = None,
    eigenschap: Eigenschap | None = None,
) -> ZaakEigenschap:
    """Change the waarde; zaak and eigenschap are fixed once created."""
    if zaak is not None and zaak.pk != zaakeigenschap.zaak_id:
        raise DomainError("zaak cannot change.", code="wijzigen-niet-toegelaten", field="zaak")
    if eigenschap is not None and eigenschap.pk != zaakeigenschap.eigenschap_id:
        raise DomainError(
            "eigenschap cannot change.", code="wijzigen-niet-toegelaten", field="eigenschap"
        )
    zaakeigenschap.waarde = waarde
    zaakeigenschap.save(update_fields=["waarde"])
    owner = zaakeigenschap.zaak
    _event(owner, "zaakeigenschap", _eigenschap_collection(owner), zaakeigenschap.uuid, "update")
    return zaakeigenschap


@transaction.atomic
def zaakeigenschap_delete(*, zaakeigenschap: ZaakEigenschap) -> None:
    zaak, uuid = zaakeigenschap.zaak, zaakeigenschap.uuid
    zaakeigenschap.delete()
    _event(zaak, "zaakeigenschap", _eigenschap_collection(zaak), uuid, "destroy")


def zaaknummer_reserveren(*, bronorganisatie: str, aantal: int = 1) -> list[str]:
    """Reserve ``aantal`` zaaknummers: taken from the same counter as generated ones, so
    they are never issued automatically; a zaak gets one only by naming it."""
    year = timezone.localdate().year
    with transaction.atomic():
        return [
            identificatie_generate(bronorganisatie=bronorganisatie, jaar=year)
            for _ in range(aantal)
        ]
