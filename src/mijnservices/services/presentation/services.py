"""Writes of the portal presentation (decision 0036): seeded from the catalogue on first use,
changed by the beheerder at any time, every change kept with who and when."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.access.models import ZaaktypeSetting
from mijnservices.services.presentation.levels import AuthLevel
from mijnservices.services.presentation.models import (
    PresentationChange,
    StepPresentation,
    ZaaktypePresentation,
)

ZAAKTYPE_FIELDS = (
    "shown_in_portal",
    "auth_level",
    "title_nl",
    "title_en",
    "description_nl",
    "description_en",
    "silence_days",
    "show_handler",
    "department",
    "upload_document_type",
    "answer_term_days",
)
STEP_FIELDS = (
    "text_nl",
    "text_en",
    "informeren",
    "expected_days",
    "email_subject_nl",
    "email_body_nl",
    "email_subject_en",
    "email_body_en",
)


def latest_zaaktype(identificatie: str) -> ZaakType | None:
    """The newest published version (else the newest concept) of a zaaktype."""
    return (
        ZaakType.objects.filter(identificatie=identificatie)
        .order_by("concept", "-begin_geldigheid", "-pk")
        .prefetch_related("statustypen")
        .first()
    )


def snapshot(presentation: ZaaktypePresentation) -> dict[str, Any]:
    """The whole presentation as plain data (history, export)."""
    return {
        "zaaktype_identificatie": presentation.zaaktype_identificatie,
        **{name: getattr(presentation, name) for name in ZAAKTYPE_FIELDS},
        "steps": [
            {
                "statustype_omschrijving": step.statustype_omschrijving,
                "volgnummer": step.volgnummer,
                **{name: getattr(step, name) for name in STEP_FIELDS},
            }
            for step in presentation.steps.order_by("volgnummer")
        ],
    }


def _sync_steps(presentation: ZaaktypePresentation, zaaktype: ZaakType | None) -> None:
    """A step row for every statustype of the newest version, filled from the catalogue."""
    if zaaktype is None:
        return
    existing = {s.statustype_omschrijving: s for s in presentation.steps.all()}
    for statustype in zaaktype.statustypen.all():
        step = existing.get(statustype.omschrijving)
        if step is None:
            StepPresentation.objects.create(
                presentation=presentation,
                statustype_omschrijving=statustype.omschrijving,
                volgnummer=statustype.volgnummer,
                text_nl=statustype.statustekst,
                text_en=statustype.statustekst_en,
                informeren=statustype.informeren,
                expected_days=statustype.doorlooptijd.days if statustype.doorlooptijd else None,
            )
        elif step.volgnummer != statustype.volgnummer:
            step.volgnummer = statustype.volgnummer
            step.save(update_fields=["volgnummer"])


def presentation_ensure(*, identificatie: str) -> ZaaktypePresentation:
    """The zaaktype's presentation, created from the catalogue's values the first time
    (so nothing citizens see changes by creating it)."""
    zaaktype = latest_zaaktype(identificatie)
    if zaaktype is None:
        raise DomainError("There is no zaaktype with this identificatie.", code="not-found")
    with transaction.atomic():
        presentation, _created = ZaaktypePresentation.objects.get_or_create(
            zaaktype_identificatie=identificatie,
            defaults={
                "title_nl": zaaktype.publieke_omschrijving,
                "title_en": zaaktype.publieke_omschrijving_en,
                "silence_days": zaaktype.stilte_signaal_dagen,
                "show_handler": zaaktype.toon_behandelaar,
                "upload_document_type": zaaktype.portaal_upload_informatieobjecttype,
                "answer_term_days": zaaktype.vraag_antwoordtermijn_werkdagen,
            },
        )
        _sync_steps(presentation, zaaktype)
    return presentation


def _validate(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(ZAAKTYPE_FIELDS)
    if unknown:
        raise DomainError(f"Unknown fields: {', '.join(sorted(unknown))}.", code="unknown-field")
    if fields.get("auth_level", "") not in AuthLevel.values:
        raise DomainError("Unknown login level.", code="invalid", field="auth_level")


def presentation_update(
    *,
    identificatie: str,
    user: Any = None,
    what: str = "",
    fields: dict[str, Any] | None = None,
    steps: dict[str, dict[str, Any]] | None = None,
) -> ZaaktypePresentation:
    """Change the presentation (``fields``) and steps (statustype omschrijving → fields);
    records the result with who and when. Takes effect on the next request."""
    fields = fields or {}
    _validate(fields)
    with transaction.atomic():
        presentation = presentation_ensure(identificatie=identificatie)
        presentation = ZaaktypePresentation.objects.select_for_update().get(pk=presentation.pk)
        for name, value in fields.items():
            setattr(presentation, name, value)
        presentation.save()
        by_name = {s.statustype_omschrijving: s for s in presentation.steps.all()}
        for omschrijving, values in (steps or {}).items():
            step = by_name.get(omschrijving)
            if step is None or set(values) - set(STEP_FIELDS):
                raise DomainError("Unknown step or field.", code="unknown-step")
            for name, value in values.items():
                setattr(step, name, value)
            step.save()
        change_record(presentation, user=user, what=what)
    return presentation


def change_record(presentation: ZaaktypePresentation, *, user: Any, what: str) -> None:
    PresentationChange.objects.create(
        presentation=presentation,
        changed_by=user if getattr(user, "pk", None) else None,
        changed_by_name=getattr(user, "username", "") or "",
        what=what[:200],
        snapshot=snapshot(presentation),
    )


def presentation_release(*, identificatie: str, shown: bool, user: Any = None) -> None:
    """Show (release) or hide a zaaktype in the portal."""
    what = "shown in the portal" if shown else "hidden from the portal"
    presentation_update(
        identificatie=identificatie, user=user, what=what, fields={"shown_in_portal": shown}
    )


def kcc_access_update(
    *, identificatie: str, released_for_kcc: bool, social_domain: bool, user: Any = None
) -> None:
    """What KCC employees outside the case team may see of this zaaktype's zaken: the status
    (released), and documents too unless it is social domain. The access policy reads it on
    the next request; the change is kept in the product's history with who and when."""
    with transaction.atomic():
        ZaaktypeSetting.objects.update_or_create(
            zaaktype_identificatie=identificatie,
            defaults={"released_for_kcc": released_for_kcc, "social_domain": social_domain},
        )
        presentation = presentation_ensure(identificatie=identificatie)
        released = "released" if released_for_kcc else "not released"
        social = ", social domain (no documents)" if social_domain else ""
        change_record(presentation, user=user, what=f"KCC access: {released}{social}")
