"""Writes for verzendingen: a document received from or sent to a betrokkene (drc 1.7)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject, Verzending
from mijnservices.registrations.documenten.services.documents import document_event

ADDRESSES = (
    "binnenlands_correspondentieadres",
    "buitenlands_correspondentieadres",
    "correspondentie_postadres",
)


def _check(verzending: Verzending) -> None:
    given = [name for name in ADDRESSES if getattr(verzending, name)]
    if len(given) > 1:
        raise DomainError(
            "Give at most one of binnenlandsCorrespondentieadres, "
            "buitenlandsCorrespondentieadres and correspondentiePostadres.",
            code="invalid-address",
        )


def _event(verzending: Verzending, actie: str) -> None:
    document_event(
        verzending.informatieobject,
        resource="verzending",
        actie=actie,
        resource_id=resource_path("documenten", "verzendingen", verzending.uuid),
    )


@transaction.atomic
def verzending_create(
    *, informatieobject: EnkelvoudigInformatieObject, **fields: Any
) -> Verzending:
    verzending = Verzending(informatieobject=informatieobject, **fields)
    _check(verzending)
    verzending.save()
    _event(verzending, "create")
    return verzending


@transaction.atomic
def verzending_update(*, verzending: Verzending, **fields: Any) -> Verzending:
    if "informatieobject" in fields and fields.pop("informatieobject") != (
        verzending.informatieobject
    ):
        raise DomainError(
            "informatieobject cannot change.",
            code="wijzigen-niet-toegelaten",
            field="informatieobject",
        )
    model_assign(verzending, fields)
    _check(verzending)
    verzending.save()
    _event(verzending, "update")
    return verzending


@transaction.atomic
def verzending_delete(*, verzending: Verzending) -> None:
    _event(verzending, "destroy")
    verzending.delete()
