"""Log every read of personal data through an API as one verwerkingsactie per request
(Logging Verwerkingen), whatever the page size.

A viewset mixes in :class:`LogsPersonalReads`, names the activity, purpose and object type,
and says which parties its objects concern (``persons_of``); list and retrieve then log
after the page is read. The Zaken API has its own helper (its persons sit in rollen)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.core.identity import ApiClient, Party
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log


def parties_in_columns(objects: Sequence[Any]) -> list[Party]:
    """Parties of rows that carry ``party_kind``/``party_identifier`` (taken, berichten)."""
    found: dict[tuple[str, str], Party] = {}
    for obj in objects:
        kind, identifier = getattr(obj, "party_kind", ""), getattr(obj, "party_identifier", "")
        if kind == "bsn" and identifier:
            found[(kind, identifier)] = Party(kind="bsn", identifier=identifier)
        elif kind == "kvk" and identifier:
            found[(kind, identifier)] = Party(kind="kvk", identifier=identifier)
    return list(found.values())


def personal_reads_log(
    principal: object,
    objects: Sequence[Any],
    *,
    persons: Sequence[Party],
    activiteit: str,
    doel: str,
    objecttype: str,
) -> None:
    """One verwerkingsactie for an API client's read of ``objects`` concerning ``persons``."""
    if not objects or not persons or not isinstance(principal, ApiClient):
        return
    verwerking_log(
        actor=Actor(kind="api_client", id=principal.client_id, naam=principal.label),
        activiteit=activiteit,
        doel=doel,
        personen=persons,
        objecttype=objecttype,
        objecten=[str(obj.uuid) for obj in objects],
    )


class LogsPersonalReads:
    verwerking_activiteit: ClassVar[str]
    verwerking_doel: ClassVar[str]
    verwerking_objecttype: ClassVar[str]

    def persons_of(self, objects: Sequence[Any]) -> list[Party]:
        return parties_in_columns(objects)

    def log_personal_reads(self, objects: Sequence[Any]) -> None:
        personal_reads_log(
            self.request.user,  # type: ignore[attr-defined]
            objects,
            persons=self.persons_of(objects) if objects else [],
            activiteit=self.verwerking_activiteit,
            doel=self.verwerking_doel,
            objecttype=self.verwerking_objecttype,
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]
        page = self.paginate_queryset(queryset)  # type: ignore[attr-defined]
        objects = list(page if page is not None else queryset)
        data = self.get_serializer(objects, many=True).data  # type: ignore[attr-defined]
        self.log_personal_reads(objects)
        if page is not None:
            return self.get_paginated_response(data)  # type: ignore[attr-defined, no-any-return]
        return Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()  # type: ignore[attr-defined]
        data = self.get_serializer(obj).data  # type: ignore[attr-defined]
        self.log_personal_reads([obj])
        return Response(data)
