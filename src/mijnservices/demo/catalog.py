# ruff: noqa: RUF001 - Buren's status names use the typographic en dash on purpose.
"""The four pilot journeys of the MijnZaken Startgids (VNG, 2023) as zaaktypen.

Bezwaar WOZ-waarde (OWO-gemeenten), individuele inkomenstoeslag (Buren), subsidie
geluidsanering (Den Haag) and klacht (Tilburg). Status texts are citizen-facing, in plain
Dutch (B1) with an English version: what happens in this step and what to expect.
A statustype's ``doorlooptijd`` is how long a zaak usually stays in that step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

CATALOGUS_DOMEIN = "DEMO"
CATALOGUS_NAAM = "Demo MijnZaken: de vier pilotreizen"
BEGIN_GELDIGHEID = date(2024, 1, 1)  # fixed: part of the zaaktype's version key


@dataclass(frozen=True)
class StatusTypeSpec:
    omschrijving: str
    statustekst: str
    statustekst_en: str
    informeren: bool = True
    doorlooptijd: timedelta | None = None


@dataclass(frozen=True)
class ResultaatTypeSpec:
    omschrijving: str
    toelichting: str = ""


@dataclass(frozen=True)
class ZaakTypeSpec:
    identificatie: str
    omschrijving: str
    publieke_omschrijving: str
    publieke_omschrijving_en: str
    doel: str
    toelichting: str
    doorlooptijd: timedelta
    servicenorm: timedelta
    initiator: str  # roltype omschrijving of the initiator
    behandelaar: str  # roltype omschrijving of the behandelaar
    statustypen: tuple[StatusTypeSpec, ...]
    resultaattypen: tuple[ResultaatTypeSpec, ...]
    stilte_signaal_dagen: int | None = None
    toon_behandelaar: bool = False
    # The legal deadline of a zaak when it is not simply startdatum + doorlooptijd.
    deadline: Callable[[date], date] | None = None


def woz_deadline(received: date) -> date:
    """Uitspraak within the calendar year the objection arrived; six weeks when it
    arrived in the last six weeks of the year (Wet WOZ / AWR)."""
    year_end = date(received.year, 12, 31)
    if received > year_end - timedelta(weeks=6):
        return received + timedelta(weeks=6)
    return year_end


WOZ = ZaakTypeSpec(
    identificatie="WOZ-BEZWAAR",
    omschrijving="Bezwaar WOZ-waarde",
    publieke_omschrijving=(
        "U bent het niet eens met de WOZ-waarde van uw woning of pand. U maakt bezwaar en "
        "wij kijken de waarde opnieuw na."
    ),
    publieke_omschrijving_en=(
        "You disagree with the WOZ value of your home or building. You object and we review "
        "the value again."
    ),
    doel="Beoordelen of de WOZ-waarde juist is vastgesteld (OWO-gemeenten).",
    toelichting=(
        "Uitspraak binnen het kalenderjaar waarin het bezwaar binnenkwam; in de laatste zes "
        "weken van het jaar: zes weken. De einddatum wordt per zaak berekend."
    ),
    doorlooptijd=timedelta(days=365),
    servicenorm=timedelta(weeks=12),
    deadline=woz_deadline,
    initiator="Indiener",
    behandelaar="Behandelaar",
    statustypen=(
        StatusTypeSpec(
            "Bezwaar ontvangen",
            "We hebben uw bezwaar ontvangen. U hoeft nu niets te doen. We kijken eerst of uw "
            "bezwaar compleet is. Mist er iets? Dan nemen we contact met u op.",
            "We have received your objection. You do not need to do anything now. We first "
            "check whether it is complete. If something is missing, we will contact you.",
            doorlooptijd=timedelta(weeks=1),
        ),
        StatusTypeSpec(
            "In behandeling",
            "We bekijken uw bezwaar en de gegevens van uw woning of pand. We vergelijken de "
            "waarde met woningen of panden in de buurt die kort geleden zijn verkocht.",
            "We look at your objection and the details of your home or building. We compare "
            "the value with similar properties nearby that were sold recently.",
            doorlooptijd=timedelta(weeks=3),
        ),
        StatusTypeSpec(
            "Taxateur beoordeelt de waarde",
            "Een taxateur kijkt opnieuw naar de waarde. Soms wil de taxateur uw woning of pand "
            "van binnen zien. U kunt ook vragen om uw bezwaar in een gesprek uit te leggen "
            "(hoorzitting). We bellen of mailen u dan voor een afspraak.",
            "A valuer takes a fresh look at the value. Sometimes the valuer wants to see the "
            "inside of your home or building. You can also ask to explain your objection in a "
            "meeting (hearing). We will then call or e-mail you to make an appointment.",
            doorlooptijd=timedelta(weeks=4),
        ),
        StatusTypeSpec(
            "Uitspraak gedaan",
            "We hebben een besluit genomen over uw bezwaar. In de uitspraak staat of de "
            "WOZ-waarde verandert. Bent u het er niet mee eens? Dan kunt u binnen 6 weken in "
            "beroep gaan bij de rechtbank.",
            "We have decided on your objection. The decision says whether the WOZ value "
            "changes. If you disagree, you can appeal to the court within 6 weeks.",
        ),
    ),
    resultaattypen=(
        ResultaatTypeSpec("Gegrond", "De WOZ-waarde is verlaagd."),
        ResultaatTypeSpec("Deels gegrond", "De WOZ-waarde is verlaagd, maar minder dan gevraagd."),
        ResultaatTypeSpec("Ongegrond", "De WOZ-waarde blijft gelijk."),
    ),
)

IIT = ZaakTypeSpec(
    identificatie="IIT",
    omschrijving="Individuele inkomenstoeslag",
    publieke_omschrijving=(
        "Heeft u al lang een laag inkomen en weinig kans op meer? Dan kunt u één keer per "
        "jaar een extra bedrag aanvragen: de individuele inkomenstoeslag."
    ),
    publieke_omschrijving_en=(
        "Have you had a low income for a long time, with little chance of more? Then you can "
        "apply once a year for an extra amount: the individual income supplement."
    ),
    doel="Toeslag voor inwoners met langdurig een laag inkomen (Participatiewet, art. 36).",
    toelichting="Statussen zoals in de demo-blueprint van gemeente Buren (Startgids, bijlage 4).",
    doorlooptijd=timedelta(weeks=8),
    servicenorm=timedelta(weeks=4),
    initiator="Aanvrager",
    behandelaar="Consulent sociaal team",
    toon_behandelaar=True,
    statustypen=(
        StatusTypeSpec(
            "Ingediend – niet compleet",
            "Uw aanvraag is binnen, maar er ontbreekt nog iets. In MijnZaken ziet u wat we nog "
            "nodig hebben. Stuur dit zo snel mogelijk, dan kunnen we verder met uw aanvraag.",
            "We have your application, but something is still missing. MijnZaken shows what "
            "we still need. Send it as soon as you can, so we can continue.",
            doorlooptijd=timedelta(weeks=1),
        ),
        StatusTypeSpec(
            "Ingediend – compleet",
            "Uw aanvraag is compleet. U hoeft nu niets meer te doen. Een medewerker van het "
            "sociaal team gaat uw aanvraag bekijken.",
            "Your application is complete. You do not need to do anything else. Someone from "
            "the social team will look at your application.",
            doorlooptijd=timedelta(days=3),
        ),
        StatusTypeSpec(
            "In behandeling",
            "Een medewerker controleert uw gegevens, zoals uw inkomen en spaargeld. Zo bekijken "
            "we of u recht hebt op de toeslag. Hebben we nog vragen? Dan bellen we u.",
            "Someone checks your details, such as your income and savings, to see whether you "
            "are entitled to the supplement. If we have questions, we will call you.",
            informeren=False,
            doorlooptijd=timedelta(weeks=3),
        ),
        StatusTypeSpec(
            "Toegekend – nog uit te betalen",
            "U krijgt de toeslag. In de brief over het besluit staat hoeveel u krijgt en op "
            "welke datum we het geld overmaken. U hoeft niets te doen.",
            "You will receive the supplement. The decision letter says how much you get and on "
            "which date we transfer the money. You do not need to do anything.",
            doorlooptijd=timedelta(weeks=1),
        ),
        StatusTypeSpec(
            "Toegekend en uitbetaald",
            "We hebben de toeslag overgemaakt. Het kan 1 of 2 werkdagen duren voordat het geld "
            "op uw rekening staat. Uw aanvraag is klaar.",
            "We have transferred the supplement. It can take 1 or 2 working days before the "
            "money is in your account. Your application is complete.",
        ),
    ),
    # Buren's five statuses end in "uitbetaald"; a refusal would need its own final step.
    resultaattypen=(ResultaatTypeSpec("Toegekend", "De toeslag is toegekend en uitbetaald."),),
)

GELUID = ZaakTypeSpec(
    identificatie="SUBSIDIE-GELUIDSANERING",
    omschrijving="Subsidie geluidsanering",
    publieke_omschrijving=(
        "Woont u aan een drukke weg of spoorlijn? Dan kunt u subsidie krijgen om uw woning "
        "beter te isoleren tegen geluid, bijvoorbeeld met andere ramen of ventilatie."
    ),
    publieke_omschrijving_en=(
        "Do you live near a busy road or railway? Then you may get a subsidy to insulate "
        "your home against noise, for example with new windows or ventilation."
    ),
    doel="Subsidie voor geluidwerende maatregelen aan woningen (gemeente Den Haag).",
    toelichting=(
        "Beslistermijn van 13 weken aangenomen, zoals gebruikelijk in een algemene "
        "subsidieverordening. Tussentijdse berichten (substatussen) tijdens het onderzoek."
    ),
    doorlooptijd=timedelta(weeks=13),
    servicenorm=timedelta(weeks=12),
    initiator="Aanvrager",
    behandelaar="Behandelaar",
    statustypen=(
        StatusTypeSpec(
            "Aanvraag ontvangen",
            "We hebben uw aanvraag ontvangen. We kijken of uw woning in het gebied ligt waar de "
            "subsidie voor geldt. U hoort binnen een week van ons.",
            "We have received your application. We check whether your home is in the area the "
            "subsidy applies to. You will hear from us within a week.",
            doorlooptijd=timedelta(weeks=1),
        ),
        StatusTypeSpec(
            "Onderzoek naar uw woning",
            "Een adviesbureau onderzoekt hoeveel geluid er in uw woning komt. Het bureau maakt "
            "een afspraak met u om de woning te bekijken en te meten. Hoe het onderzoek "
            "loopt, leest u tussendoor hier.",
            "An advisory firm investigates how much noise gets into your home. The firm makes "
            "an appointment with you to inspect and measure the home. You can follow the "
            "progress of the survey here.",
            doorlooptijd=timedelta(weeks=6),
        ),
        StatusTypeSpec(
            "Voorstel voor maatregelen",
            "Het adviesbureau stelt voor wat er nodig is, zoals geluidwerende ramen of "
            "ventilatieroosters. U krijgt dit voorstel van ons. Laat ons weten of u ermee "
            "akkoord gaat.",
            "The advisory firm proposes what is needed, such as sound-proof windows or "
            "ventilation grilles. We send you this proposal. Let us know whether you agree.",
            doorlooptijd=timedelta(weeks=2),
        ),
        StatusTypeSpec(
            "Beoordeling subsidie",
            "We berekenen hoeveel subsidie u krijgt voor de maatregelen en bereiden het besluit "
            "voor. U hoeft nu niets te doen.",
            "We calculate how much subsidy you get for the measures and prepare the decision. "
            "You do not need to do anything now.",
            informeren=False,
            doorlooptijd=timedelta(weeks=2),
        ),
        StatusTypeSpec(
            "Besluit verstuurd",
            "We hebben een besluit genomen over uw subsidie. In de brief staat hoeveel subsidie "
            "u krijgt en hoe het verder gaat met de werkzaamheden aan uw woning.",
            "We have decided on your subsidy. The letter says how much you get and what happens "
            "next with the work on your home.",
        ),
    ),
    resultaattypen=(
        ResultaatTypeSpec("Subsidie verleend"),
        ResultaatTypeSpec("Subsidie geweigerd"),
    ),
)

KLACHT = ZaakTypeSpec(
    identificatie="KLACHT",
    omschrijving="Klacht",
    publieke_omschrijving=(
        "Bent u niet tevreden over hoe de gemeente, of iemand die voor ons werkt, u heeft "
        "behandeld? Dien dan een klacht in. We nemen binnen 2 werkdagen contact met u op."
    ),
    publieke_omschrijving_en=(
        "Are you unhappy with how the municipality, or someone working for us, treated you? "
        "Submit a complaint. We will contact you within 2 working days."
    ),
    doel="Klachtbehandeling, eerst informeel en zo nodig formeel (gemeente Tilburg).",
    toelichting="Afhandeling binnen 6 weken (Awb, art. 9:11); Tilburg belt binnen 2 werkdagen.",
    doorlooptijd=timedelta(weeks=6),
    servicenorm=timedelta(weeks=4),
    initiator="Indiener",
    behandelaar="Klachtbehandelaar",
    toon_behandelaar=True,
    # Contact is due within 2 days (the step's doorlooptijd); after a week without news
    # the portal tells the person the complaint is not forgotten (Tilburg's wish).
    stilte_signaal_dagen=7,
    statustypen=(
        StatusTypeSpec(
            "Klacht ontvangen",
            "We hebben uw klacht ontvangen. We zoeken de juiste medewerker om uw klacht te "
            "behandelen.",
            "We have received your complaint. We are finding the right person to handle it.",
            doorlooptijd=timedelta(days=1),
        ),
        StatusTypeSpec(
            "In behandeling genomen",
            "Een klachtbehandelaar behandelt uw klacht. Binnen 2 werkdagen nemen we contact met "
            "u op, op de manier die u hebt gekozen: telefoon, e-mail of een gesprek.",
            "A complaints officer is handling your complaint. We will contact you within 2 "
            "working days, in the way you chose: phone, e-mail or a meeting.",
            doorlooptijd=timedelta(days=2),
        ),
        StatusTypeSpec(
            "Contact opgenomen",
            "We hebben met u gesproken over uw klacht en afgesproken hoe we die oplossen. Die "
            "afspraken krijgt u ook per e-mail. Daarna werken we aan de oplossing.",
            "We have talked with you about your complaint and agreed how to resolve it. You "
            "also get these agreements by e-mail. We then work on the solution.",
            doorlooptijd=timedelta(weeks=3),
        ),
        StatusTypeSpec(
            "Afgehandeld",
            "Uw klacht is afgehandeld. U krijgt een e-mail met de uitkomst en een korte "
            "vragenlijst. We horen graag wat u van de afhandeling vond.",
            "Your complaint has been dealt with. You get an e-mail with the outcome and a short "
            "questionnaire. We would like to hear what you thought of how we handled it.",
        ),
    ),
    resultaattypen=(
        ResultaatTypeSpec("Opgelost", "Samen met de indiener opgelost, zonder formele uitspraak."),
        ResultaatTypeSpec("Gegrond"),
        ResultaatTypeSpec("Ongegrond"),
    ),
)

ZAAKTYPEN: tuple[ZaakTypeSpec, ...] = (WOZ, IIT, GELUID, KLACHT)
