"""Load the demo catalogus, the four pilot zaaktypen and the demo zaken.

Everything is written through the registrations' service layer, so the demo obeys the
same ZGW rules as real data. Loading is idempotent: zaaktypen are keyed on catalogus +
identificatie, zaken on their fixed ``DEMO-`` identificatie, and a second run creates
nothing. All of it happens in one transaction, so a failed run leaves nothing half-made.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mijnservices.core.errors import DomainError
from mijnservices.demo import documents as demo_documents
from mijnservices.demo import interactions as demo_interactions
from mijnservices.demo import personas
from mijnservices.demo.catalog import (
    BEGIN_GELDIGHEID,
    CATALOGUS_DOMEIN,
    CATALOGUS_NAAM,
    ZAAKTYPEN,
    ZaakTypeSpec,
)
from mijnservices.demo.scenarios import ZAKEN, ZaakSpec
from mijnservices.registrations.catalogi import services as catalogi
from mijnservices.registrations.catalogi.models import Catalogus, RolOmschrijving, ZaakType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.models import BetrokkeneType, Zaak
from mijnservices.services.presentation.branding import branding_update
from mijnservices.services.presentation.models import Branding

logger = structlog.get_logger(__name__)
SELECTIELIJST_DEMO = "https://selectielijst.example/api/v1"


@dataclass
class LoadReport:
    catalogus_created: bool = False
    zaaktypen_created: int = 0
    zaaktypen_present: int = 0
    zaken_created: int = 0
    zaken_present: int = 0
    taken_created: int = 0


def load_demo(*, today: date | None = None) -> LoadReport:
    """Create whatever of the demo data is missing; dates count back from ``today``."""
    if not settings.DEMO_MODE:
        raise DomainError(
            "Demo data can only be loaded in demo mode (DEMO_MODE).", code="demo-mode-off"
        )
    today = today or timezone.localdate()
    report = LoadReport()
    with transaction.atomic():
        catalogus = _catalogus(report)
        demo_documents.ensure_types(catalogus)
        zaaktypen = {
            spec.identificatie: (spec, _zaaktype(catalogus, spec, report)) for spec in ZAAKTYPEN
        }
        for zaak_spec in ZAKEN:
            spec, zaaktype = zaaktypen[zaak_spec.zaaktype]
            _zaak(zaak_spec, spec, zaaktype, today=today, report=report)
        report.taken_created = demo_interactions.load_interactions(today=today)
        if not Branding.objects.exists():
            # A made-up number, so every demo page shows the route to a person (decision 0036).
            branding_update(values={"contact_phone": "14 0000"})
    logger.info("demo_loaded", **asdict(report))
    return report


def _catalogus(report: LoadReport) -> Catalogus:
    existing = Catalogus.objects.filter(
        domein=CATALOGUS_DOMEIN, rsin=settings.ORGANISATION_RSIN
    ).first()
    if existing is not None:
        return existing
    report.catalogus_created = True
    return catalogi.catalogus_create(
        domein=CATALOGUS_DOMEIN,
        rsin=settings.ORGANISATION_RSIN,
        naam=CATALOGUS_NAAM,
        contactpersoon="Beheer demo",
    )


def _zaaktype(catalogus: Catalogus, spec: ZaakTypeSpec, report: LoadReport) -> ZaakType:
    existing = (
        catalogus.zaaktypen.filter(identificatie=spec.identificatie)
        .order_by("-begin_geldigheid")
        .first()
    )
    if existing is not None:
        report.zaaktypen_present += 1
        return existing
    zaaktype = catalogi.zaaktype_create(
        catalogus=catalogus,
        identificatie=spec.identificatie,
        omschrijving=spec.omschrijving,
        doorlooptijd=spec.doorlooptijd,
        servicenorm=spec.servicenorm,
        begin_geldigheid=BEGIN_GELDIGHEID,
        doel=spec.doel,
        toelichting=spec.toelichting,
        publieke_omschrijving=spec.publieke_omschrijving,
        publieke_omschrijving_en=spec.publieke_omschrijving_en,
        stilte_signaal_dagen=spec.stilte_signaal_dagen,
        toon_behandelaar=spec.toon_behandelaar,
        **demo_documents.zaaktype_fields(spec.identificatie),
    )
    for volgnummer, step in enumerate(spec.statustypen, start=1):
        catalogi.statustype_create(
            zaaktype=zaaktype,
            volgnummer=volgnummer,
            omschrijving=step.omschrijving,
            doorlooptijd=step.doorlooptijd,
            statustekst=step.statustekst,
            statustekst_en=step.statustekst_en,
            informeren=step.informeren,
        )
    for resultaat in spec.resultaattypen:
        catalogi.resultaattype_create(
            zaaktype=zaaktype,
            omschrijving=resultaat.omschrijving,
            toelichting=resultaat.toelichting,
            # Placeholder Selectielijst references (required by Catalogi 1.3) until the
            # integration layer reads the real Selectielijst API.
            resultaattypeomschrijving=f"{SELECTIELIJST_DEMO}/resultaattypeomschrijvingen/demo",
            selectielijstklasse=f"{SELECTIELIJST_DEMO}/resultaten/demo",
        )
    catalogi.roltype_create(
        zaaktype=zaaktype,
        omschrijving=spec.initiator,
        omschrijving_generiek=RolOmschrijving.INITIATOR,
    )
    catalogi.roltype_create(
        zaaktype=zaaktype,
        omschrijving=spec.behandelaar,
        omschrijving_generiek=RolOmschrijving.BEHANDELAAR,
    )
    report.zaaktypen_created += 1
    return catalogi.zaaktype_publish(zaaktype=zaaktype)


def _moment(today: date, days_ago: int, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), at))


def _zaak(
    spec: ZaakSpec,
    zaaktype_spec: ZaakTypeSpec,
    zaaktype: ZaakType,
    *,
    today: date,
    report: LoadReport,
) -> None:
    if Zaak.objects.filter(
        bronorganisatie=settings.ORGANISATION_RSIN, identificatie=spec.identificatie
    ).exists():
        report.zaken_present += 1
        return
    persona = personas.find(*spec.party)
    if persona is None:
        raise ValueError(f"{spec.identificatie}: no demo persona {spec.party}")
    start = today - timedelta(days=spec.started_days_ago)
    zaak = zaken.zaak_create(
        zaaktype=zaaktype,
        identificatie=spec.identificatie,
        omschrijving=spec.omschrijving,
        startdatum=start,
        registratiedatum=start,
        uiterlijke_einddatum_afdoening=(
            zaaktype_spec.deadline(start) if zaaktype_spec.deadline else None
        ),
    )
    _rollen(zaak, zaaktype, persona, behandelaar=spec.behandelaar)
    statustypen = {st.omschrijving: st for st in zaaktype.statustypen.all()}
    final = max(st.volgnummer for st in statustypen.values())
    for step in spec.steps:
        statustype = statustypen[step.statustype]
        if statustype.volgnummer == final:
            zaken.resultaat_set(
                zaak=zaak, resultaattype=zaaktype.resultaattypen.get(omschrijving=spec.resultaat)
            )
        status = zaken.status_set(
            zaak=zaak,
            statustype=statustype,
            datum_status_gezet=_moment(today, step.days_ago, step.at),
            statustoelichting=step.toelichting,
        )
        for update in step.updates:
            zaken.substatus_create(
                zaak=zaak,
                status=status,
                omschrijving=update.omschrijving,
                tijdstip=_moment(today, update.days_ago, update.at),
                doelgroep=update.doelgroep,
            )
    zaak.refresh_from_db()
    if bool(spec.resultaat) != zaak.is_closed:
        raise ValueError(f"{spec.identificatie}: a resultaat belongs with the final step")
    demo_documents.add_to_zaak(zaak, spec, today=today)
    report.zaken_created += 1


def _rollen(zaak: Zaak, zaaktype: ZaakType, persona: personas.Persona, *, behandelaar: str) -> None:
    initiator = zaaktype.roltypen.get(omschrijving_generiek=RolOmschrijving.INITIATOR)
    if persona.kind == "bsn":
        zaken.rol_create(
            zaak=zaak,
            roltype=initiator,
            betrokkene_type=BetrokkeneType.NATUURLIJK_PERSOON,
            inp_bsn=persona.identifier,
        )
    else:
        zaken.rol_create(
            zaak=zaak,
            roltype=initiator,
            betrokkene_type=BetrokkeneType.NIET_NATUURLIJK_PERSOON,
            kvk_nummer=persona.identifier,
        )
    if behandelaar:
        zaken.rol_create(
            zaak=zaak,
            roltype=zaaktype.roltypen.get(omschrijving_generiek=RolOmschrijving.BEHANDELAAR),
            betrokkene_type=BetrokkeneType.MEDEWERKER,
            identificatie=slugify(behandelaar)[:24],
            naam=behandelaar,
        )
