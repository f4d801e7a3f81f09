"""Writes for the Taken registration: keyword-only ``<noun>_<verb>`` functions that check
the rules, change the data and record an outbox event (kanaal ``taken``) in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party, party_fields, party_urn
from mijnservices.core.outbox import event_record
from mijnservices.core.updates import model_assign
from mijnservices.registrations.taken.models import ExterneTaak, TaakSoort, TaakStatus

API_ROOT = "/taken/api/v1"
COLLECTIONS = {
    TaakSoort.BETAALTAAK: "betaaltaken",
    TaakSoort.URLTAAK: "urltaken",
    TaakSoort.FORMULIERTAAK: "formuliertaken",
}
# The resource name of a kind (URL name ``taken:<resource>-detail``, outbox ``resource``).
RESOURCES = {soort: str(soort.value) for soort in TaakSoort}


def taak_path(taak: ExterneTaak) -> str:
    return f"{API_ROOT}/{COLLECTIONS[TaakSoort(taak.taak_soort)]}/{taak.uuid}"


def _event(taak: ExterneTaak, *, actie: str) -> None:
    event_record(
        kanaal="taken",
        resource=RESOURCES[TaakSoort(taak.taak_soort)],
        actie=actie,
        hoofd_object=taak_path(taak),
        resource_id=taak_path(taak),
        kenmerken={"taakSoort": taak.taak_soort, "status": taak.status},
    )


def _check_details(taak_soort: str, details: dict[str, Any]) -> None:
    if taak_soort == TaakSoort.BETAALTAAK:
        for field in ("bedrag", "transactieomschrijving", "doelrekening"):
            if field not in details:
                raise DomainError(f"{field} is required.", code="required", field=field)
        try:
            bedrag = Decimal(str(details["bedrag"]))
        except InvalidOperation:
            raise DomainError("Invalid amount.", code="invalid", field="bedrag") from None
        if bedrag <= 0:
            raise DomainError("The amount must be positive.", code="invalid", field="bedrag")
        rekening = details["doelrekening"] or {}
        if not any(rekening.get(k) for k in ("iban", "code", "naam")):
            raise DomainError(
                "At least one of iban, code or naam is required.",
                code="required",
                field="doelrekening",
            )
    elif taak_soort == TaakSoort.URLTAAK:
        if not details.get("uitvraagLink"):
            raise DomainError("uitvraagLink is required.", code="required", field="uitvraagLink")
    elif taak_soort == TaakSoort.FORMULIERTAAK:
        definitie = details.get("formulierDefinitie")
        if not isinstance(definitie, dict) or "components" not in definitie:
            raise DomainError(
                "formulierDefinitie needs components.", code="invalid", field="formulierDefinitie"
            )
    else:
        raise DomainError("Unknown taakSoort.", code="invalid_choice", field="taakSoort")


def _check(taak: ExterneTaak) -> None:
    _check_details(taak.taak_soort, taak.details)
    if taak.einddatum_handelings_termijn < taak.startdatum:
        raise DomainError(
            "einddatumHandelingsTermijn lies before startdatum.",
            code="date-mismatch",
            field="einddatumHandelingsTermijn",
        )


@transaction.atomic
def taak_create(
    *,
    taak_soort: str,
    titel: str,
    is_toegewezen_aan: Party | str = "",
    einddatum_handelings_termijn: date,
    details: dict[str, Any],
    startdatum: date | None = None,
    status: str = TaakStatus.OPEN,
    handelings_perspectief: str = "",
    toelichting: str = "",
    is_gerelateerd_aan: str | Iterable[str] = (),
    verwerker_taak_id: str = "",
    datum_herinnering: date | None = None,
) -> ExterneTaak:
    urn = (
        party_urn(is_toegewezen_aan) if isinstance(is_toegewezen_aan, Party) else is_toegewezen_aan
    )
    if taak_soort == TaakSoort.BETAALTAAK:
        details = {"valuta": "EUR", **details}
    taak = ExterneTaak(
        taak_soort=taak_soort,
        titel=titel,
        is_toegewezen_aan=urn,
        **party_fields(urn),
        einddatum_handelings_termijn=einddatum_handelings_termijn,
        details=details,
        startdatum=startdatum or timezone.localdate(),
        status=status,
        handelings_perspectief=handelings_perspectief,
        toelichting=toelichting,
        is_gerelateerd_aan=(
            [is_gerelateerd_aan]
            if isinstance(is_gerelateerd_aan, str)
            else list(is_gerelateerd_aan)
        ),
        verwerker_taak_id=verwerker_taak_id,
        datum_herinnering=datum_herinnering,
    )
    _check(taak)
    taak.save()
    _event(taak, actie="create")
    return taak


@transaction.atomic
def taak_update(*, taak: ExterneTaak, changes: dict[str, Any]) -> ExterneTaak:
    """Apply model-field changes (PUT/PATCH); ``taak_soort`` cannot change."""
    changes = dict(changes)
    if "taak_soort" in changes and changes.pop("taak_soort") != taak.taak_soort:
        raise DomainError("taakSoort cannot change.", code="wijzigen-niet-toegelaten")
    if "is_toegewezen_aan" in changes:
        changes.update(party_fields(changes["is_toegewezen_aan"]))
    model_assign(taak, changes)
    if taak.status != TaakStatus.OPEN and taak.afgerond_op is None:
        taak.afgerond_op = timezone.now()
    _check(taak)
    taak.save()
    _event(taak, actie="update")
    return taak


@transaction.atomic
def taak_complete(
    *, taak: ExterneTaak, ontvangen_gegevens: dict[str, Any] | None = None
) -> ExterneTaak:
    """Mark an open taak uitgevoerd (the portal's "afgerond"), with the data received."""
    taak = ExterneTaak.objects.select_for_update().get(pk=taak.pk)
    if taak.status != TaakStatus.OPEN:
        raise DomainError("The taak is no longer open.", code="not-open", field="status")
    if ontvangen_gegevens is not None:
        taak.details = {**taak.details, "ontvangenGegevens": ontvangen_gegevens}
    taak.status = TaakStatus.UITGEVOERD
    taak.afgerond_op = timezone.now()
    taak.save()
    _event(taak, actie="update")
    return taak


@transaction.atomic
def taak_delete(*, taak: ExterneTaak) -> None:
    _event(taak, actie="destroy")
    taak.delete()
