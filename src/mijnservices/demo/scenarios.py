# ruff: noqa: RUF001 - Buren's status names use the typographic en dash on purpose.
"""The demo zaken: who has what, and how far along it is.

Days are counted back from the day the demo is loaded, so the demo always looks current.
Steps name statustypen by their ``omschrijving`` in :mod:`.catalog`; a closed zaak's last
step is the final statustype and needs a ``resultaat``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from mijnservices.demo.catalog import GELUID, IIT, KLACHT, WOZ

SUZANNE = ("bsn", "999993653")
MOHAMMED = ("bsn", "999990627")
ELS = ("bsn", "999991589")
BAKKERIJ = ("kvk", "69599084")


@dataclass(frozen=True)
class UpdateSpec:
    """A sub-status under the step it is listed with."""

    days_ago: int
    omschrijving: str
    doelgroep: str = "betrokkenen"
    at: time = time(14, 0)


@dataclass(frozen=True)
class StepSpec:
    statustype: str
    days_ago: int
    toelichting: str = ""
    updates: tuple[UpdateSpec, ...] = ()
    at: time = time(9, 30)


@dataclass(frozen=True)
class DocumentSpec:
    """A document on the zaak: ``soort`` is an informatieobjecttype of demo.documents."""

    titel: str
    bestandsnaam: str
    days_ago: int
    soort: str = "Brief"
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class BesluitSpec:
    """A besluit on the zaak (its zaaktype's besluittype), recorded in a letter."""

    days_ago: int
    toelichting: str
    brief: str


@dataclass(frozen=True)
class ZaakSpec:
    identificatie: str
    zaaktype: str
    party: tuple[str, str]  # (persona kind, identifier)
    omschrijving: str
    steps: tuple[StepSpec, ...]
    resultaat: str = ""
    behandelaar: str = ""  # naam of the behandelaar rol; none when empty
    documents: tuple[DocumentSpec, ...] = ()
    besluit: BesluitSpec | None = None

    @property
    def started_days_ago(self) -> int:
        return self.steps[0].days_ago


ZAKEN: tuple[ZaakSpec, ...] = (
    ZaakSpec(
        "DEMO-0001",
        GELUID.identificatie,
        SUZANNE,
        "Geluidsisolatie woning",
        steps=(
            StepSpec("Aanvraag ontvangen", 27),
            StepSpec(
                "Onderzoek naar uw woning",
                21,
                updates=(
                    UpdateSpec(19, "Het adviesbureau heeft u gebeld voor een afspraak."),
                    UpdateSpec(13, "Het adviesbureau heeft uw woning bekeken en opgemeten."),
                    UpdateSpec(9, "De geluidsmeting bij uw woning is klaar."),
                    UpdateSpec(7, "Offerte adviesbureau goedgekeurd.", doelgroep="intern"),
                    UpdateSpec(3, "Het adviesbureau schrijft het rapport. Dat duurt 2 weken."),
                ),
            ),
        ),
        behandelaar="Team Geluidsanering",
        documents=(
            DocumentSpec(
                "Aanvraagformulier geluidsisolatie", "aanvraag-geluidsisolatie.pdf", 27, "Bijlage"
            ),
            DocumentSpec("Ontvangstbevestiging", "ontvangstbevestiging.pdf", 27),
        ),
    ),
    ZaakSpec(
        "DEMO-0002",
        WOZ.identificatie,
        SUZANNE,
        "Bezwaar WOZ-waarde woning",
        steps=(
            StepSpec("Bezwaar ontvangen", 130),
            StepSpec("In behandeling", 124),
            StepSpec("Taxateur beoordeelt de waarde", 101),
            StepSpec("Uitspraak gedaan", 82, toelichting="De WOZ-waarde is verlaagd."),
        ),
        resultaat="Deels gegrond",
        behandelaar="Team Belastingen",
        documents=(
            DocumentSpec("Bezwaarschrift WOZ-waarde", "bezwaarschrift-woz.pdf", 130, "Bijlage"),
            DocumentSpec("Taxatieverslag", "taxatieverslag.pdf", 101),
        ),
        besluit=BesluitSpec(
            82,
            "Uw bezwaar is deels gegrond. De WOZ-waarde van uw woning is verlaagd.",
            "Uitspraak op uw bezwaar",
        ),
    ),
    ZaakSpec(
        "DEMO-0003",
        IIT.identificatie,
        MOHAMMED,
        "Individuele inkomenstoeslag",
        steps=(
            StepSpec(
                "Ingediend – niet compleet",
                16,
                toelichting="Uw bankafschriften van de laatste 3 maanden ontbreken nog.",
            ),
            StepSpec("Ingediend – compleet", 13),
            StepSpec("In behandeling", 10),
        ),
        behandelaar="Sociaal team",
        documents=(
            DocumentSpec(
                "Aanvraagformulier inkomenstoeslag", "aanvraag-inkomenstoeslag.pdf", 16, "Bijlage"
            ),
        ),
    ),
    ZaakSpec(
        "DEMO-0004",
        KLACHT.identificatie,
        MOHAMMED,
        "Klacht over herstel stoep na werkzaamheden",
        steps=(
            StepSpec("Klacht ontvangen", 16),
            StepSpec("In behandeling genomen", 15),
            # Silent since: longer than KLACHT.stilte_signaal_dagen.
            StepSpec(
                "Contact opgenomen",
                13,
                toelichting="Afgesproken: de aannemer herstelt de stoep voor uw deur.",
            ),
        ),
        behandelaar="Team Klachtbehandeling",
    ),
    ZaakSpec(
        "DEMO-0005",
        IIT.identificatie,
        MOHAMMED,
        "Individuele inkomenstoeslag",
        steps=(
            StepSpec("Ingediend – compleet", 380),
            StepSpec("In behandeling", 377),
            StepSpec("Toegekend – nog uit te betalen", 360),
            StepSpec("Toegekend en uitbetaald", 353),
        ),
        resultaat="Toegekend",
        behandelaar="Sociaal team",
        besluit=BesluitSpec(
            360, "U krijgt de individuele inkomenstoeslag.", "Besluit op uw aanvraag"
        ),
    ),
    ZaakSpec(
        "DEMO-0006",
        KLACHT.identificatie,
        ELS,
        "Klacht over bejegening aan de balie",
        steps=(
            StepSpec("Klacht ontvangen", 58),
            StepSpec("In behandeling genomen", 57),
            StepSpec("Contact opgenomen", 56),
            StepSpec("Afgehandeld", 40),
        ),
        resultaat="Opgelost",
        behandelaar="Team Klachtbehandeling",
    ),
    ZaakSpec(
        "DEMO-0007",
        GELUID.identificatie,
        ELS,
        "Geluidsisolatie woning",
        steps=(StepSpec("Aanvraag ontvangen", 2),),
    ),
    ZaakSpec(
        "DEMO-0008",
        WOZ.identificatie,
        BAKKERIJ,
        "Bezwaar WOZ-waarde bedrijfspand",
        steps=(
            StepSpec("Bezwaar ontvangen", 34),
            StepSpec("In behandeling", 30),
            StepSpec(
                "Taxateur beoordeelt de waarde",
                6,
                toelichting="De taxateur maakt een afspraak om het pand van binnen te zien.",
            ),
        ),
        behandelaar="Team Belastingen",
        documents=(
            DocumentSpec(
                "Bezwaarschrift WOZ-waarde bedrijfspand", "bezwaarschrift-pand.pdf", 34, "Bijlage"
            ),
        ),
    ),
    ZaakSpec(
        "DEMO-0009",
        KLACHT.identificatie,
        BAKKERIJ,
        "Klacht over bereikbaarheid winkel tijdens werkzaamheden",
        steps=(
            StepSpec("Klacht ontvangen", 47),
            StepSpec("In behandeling genomen", 46),
            StepSpec("Contact opgenomen", 45),
            StepSpec("Afgehandeld", 26),
        ),
        resultaat="Gegrond",
    ),
)
