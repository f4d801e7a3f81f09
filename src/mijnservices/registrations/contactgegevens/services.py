"""Writes for Contactgegevens 1.1.1: one transaction and one outbox event (kanaal
``contactgegevens``, the API path as resource URL) per change."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mijnservices.core.outbox import event_record
from mijnservices.core.updates import model_update
from mijnservices.registrations.contactgegevens.models import Organisatie, Persoon

MOUNT = "/contactgegevens/api/v1"
RESOURCES: dict[type[Persoon | Organisatie], str] = {Persoon: "persoon", Organisatie: "organisatie"}


def _event(record: Persoon | Organisatie, actie: str) -> None:
    resource = RESOURCES[type(record)]
    path = f"{MOUNT}/{resource}/{record.uuid}"
    event_record(
        kanaal="contactgegevens",
        resource=resource,
        actie=actie,
        hoofd_object=path,
        resource_id=path,
    )


@transaction.atomic
def persoon_create(*, values: dict[str, Any]) -> Persoon:
    persoon = Persoon.objects.create(**values)
    _event(persoon, "create")
    return persoon


@transaction.atomic
def organisatie_create(*, values: dict[str, Any]) -> Organisatie:
    organisatie = Organisatie.objects.create(**values)
    _event(organisatie, "create")
    return organisatie


@transaction.atomic
def contactgegeven_update(
    *, record: Persoon | Organisatie, values: dict[str, Any]
) -> Persoon | Organisatie:
    """Change a persoon or organisatie (the given fields only)."""
    model_update(instance=record, fields=values)
    _event(record, "update")
    return record


@transaction.atomic
def contactgegeven_delete(*, record: Persoon | Organisatie) -> None:
    _event(record, "destroy")
    record.delete()
