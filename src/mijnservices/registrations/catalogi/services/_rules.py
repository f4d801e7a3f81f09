"""Rules shared by the catalogi services (ztc-009, ztc-010, ztc-011a, ztc-013, geldigheid)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import Model, ProtectedError, RestrictedError

from mijnservices.core.errors import DomainError
from mijnservices.core.updates import model_assign
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType

# ztc-013: a relation to a type of another catalogus (the code Open Zaak and the VNG suites use).
OTHER_CATALOGUS = "relations-incorrect-catalogus"


def check_servicenorm(doorlooptijd: timedelta, servicenorm: timedelta | None) -> None:
    if servicenorm is not None and servicenorm > doorlooptijd:
        raise DomainError(
            "The servicenorm cannot be longer than the legal doorlooptijd.",
            code="invalid-servicenorm",
            field="servicenorm",
        )


def check_geldigheid(
    *,
    model: type[Model],
    catalogus: Catalogus,
    key_field: str,
    key: str,
    begin: date,
    einde: date | None,
    exclude: Model | None = None,
    what: str = "zaaktype",
) -> None:
    """Versions of one type (same key in a catalogus) may not overlap."""
    if einde is not None and einde < begin:
        raise DomainError(
            "eindeGeldigheid lies before beginGeldigheid.",
            code="date-mismatch",
            field="eindeGeldigheid",
        )
    versions = model._default_manager.filter(catalogus=catalogus, **{key_field: key})
    if exclude is not None:
        versions = versions.exclude(pk=exclude.pk)
    for other in versions:
        other_end = other.einde_geldigheid or date.max  # type: ignore[attr-defined]
        if begin <= other_end and (einde or date.max) >= other.begin_geldigheid:  # type: ignore[attr-defined]
            raise DomainError(
                f"This {what} already exists in the catalogus for the given period.",
                code="overlap",
                field="beginGeldigheid",
            )


def delete_or_refuse(instance: Model) -> None:
    """Delete, or answer 400 when registrations still use the type (a forced delete
    cannot orphan zaken, besluiten or documenten: their foreign keys protect them)."""
    try:
        instance.delete()
    except (ProtectedError, RestrictedError):
        raise DomainError(
            "This type is still in use and cannot be deleted.",
            code="pending-relations",
            field="nonFieldErrors",
        ) from None


def ensure_concept(zaaktype: ZaakType) -> None:
    """ztc-010/ztc-011a: the types of a published zaaktype are frozen."""
    if not zaaktype.concept:
        raise DomainError(
            "A published zaaktype cannot be changed; create a new version.",
            code="non-concept-zaaktype",
        )


def ensure_concept_object(obj: Any, changed: set[str]) -> None:
    """ztc-009: a published type only accepts a new eindeGeldigheid."""
    if not obj.concept and changed - {"einde_geldigheid"}:
        raise DomainError(
            "A published object can only get an eindeGeldigheid; create a new version.",
            code="non-concept-object",
            field="nonFieldErrors",
        )


def changed_fields(instance: Model, fields: dict[str, object]) -> set[str]:
    return {name for name, value in fields.items() if getattr(instance, name) != value}


def apply(instance: Model, fields: dict[str, object]) -> None:
    model_assign(instance, fields)
    instance.save()


def check_keys(
    *,
    model: type[Model],
    catalogus_id: int,
    attr: str,
    keys: Iterable[str],
    field: str,
) -> None:
    """ztc-013: every key names a type in the same catalogus."""
    wanted = set(keys)
    if not wanted:
        return
    manager = model._default_manager
    found = set(
        manager.filter(catalogus_id=catalogus_id, **{f"{attr}__in": wanted}).values_list(
            attr, flat=True
        )
    )
    missing = sorted(wanted - found)
    if not missing:
        return
    if manager.filter(**{f"{attr}__in": missing}).exists():
        # A rule about the whole request (Open Zaak's RelationCatalogValidator).
        raise DomainError(f"Not in this catalogus: {', '.join(missing)}.", code=OTHER_CATALOGUS)
    raise DomainError(
        f"Not found in this catalogus: {', '.join(missing)}.", code="does-not-exist", field=field
    )


def ensure_same_zaaktype(zaaktype: ZaakType, related: Any, field: str) -> None:
    """A statustype (or other subtype) given as relation must belong to the same zaaktype."""
    if related is not None and related.zaaktype_id != zaaktype.pk:
        raise DomainError(
            f"The {field} belongs to another zaaktype.",
            code="zaaktype-mismatch",
            field=field,
        )
