"""What is missing before a zaaktype can go live in the portal (the beheer start page)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.presentation.models import ZaaktypePresentation
from mijnservices.services.presentation.selectors import presentation_apply


@dataclass
class ZaaktypeReadiness:
    identificatie: str
    omschrijving: str
    title: str
    shown: bool
    has_presentation: bool
    external: bool
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def _newest_versions() -> list[ZaakType]:
    """One zaaktype per identificatie: the newest published version, else the newest concept."""
    newest: dict[str, ZaakType] = {}
    for zaaktype in ZaakType.objects.order_by(
        "concept", "-begin_geldigheid", "-pk"
    ).prefetch_related("statustypen"):
        newest.setdefault(zaaktype.identificatie, zaaktype)
    return sorted(newest.values(), key=lambda z: (z.omschrijving.lower(), z.identificatie))


def missing_items(zaaktype: ZaakType) -> list[str]:
    """Plain sentences naming what citizens would miss (with the presentation applied)."""
    presentation_apply([zaaktype], fresh=True)
    missing: list[str] = []
    if zaaktype.concept:
        missing.append(_("The zaaktype is not published in the catalogue yet."))
    if not zaaktype.publieke_omschrijving:
        missing.append(_("No public title in Dutch."))
    if not zaaktype.publieke_omschrijving_en:
        missing.append(_("No public title in English."))
    statustypen = list(zaaktype.statustypen.all())
    if not statustypen:
        missing.append(_("The zaaktype has no steps."))
    for statustype in statustypen:
        if not statustype.statustekst:
            missing.append(
                _('Step "%(step)s" has no citizen text.') % {"step": statustype.omschrijving}
            )
        if not statustype.statustekst_en:
            missing.append(
                _('Step "%(step)s" has no English text.') % {"step": statustype.omschrijving}
            )
        if statustype is not statustypen[-1] and statustype.doorlooptijd is None:
            missing.append(
                _('Step "%(step)s" has no expected duration.') % {"step": statustype.omschrijving}
            )
    return missing


def readiness_list() -> list[ZaaktypeReadiness]:
    """Every zaaktype with whether it is shown and what is missing (three queries)."""
    zaaktypen = _newest_versions()
    presentation_apply(zaaktypen, fresh=True)
    shown = dict(
        ZaaktypePresentation.objects.values_list("zaaktype_identificatie", "shown_in_portal")
    )
    return [
        ZaaktypeReadiness(
            identificatie=z.identificatie,
            omschrijving=z.omschrijving,
            title=z.publieke_omschrijving or z.omschrijving,
            shown=shown.get(z.identificatie, True),
            has_presentation=z.identificatie in shown,
            external=bool(z.bron_url),
            missing=missing_items(z),
        )
        for z in zaaktypen
    ]
