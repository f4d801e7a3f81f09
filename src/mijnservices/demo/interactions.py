"""Demo tasks, messages, contact moments and contact details for the demo personas, so
Mijn overzicht, MijnTaken, MijnBerichten and MijnContactmomenten have something to show.

Written through the registrations' services like the rest of the demo. Idempotent: keyed on
the demo taken's ``verwerkerTaakId``; a second run adds nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.klantinteracties.services import (
    digitaal_adres_create,
    klantcontact_answer,
    klantcontact_register,
)
from mijnservices.registrations.taken.models import ExterneTaak, HandelingsPerspectief, TaakSoort
from mijnservices.registrations.taken.services import taak_create
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnoverzicht.taken import upload_link
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
from mijnservices.services.profiel.services import voorkeuren_update

MARKER = "DEMO-TAAK-"
SUZANNE = Party(kind="bsn", identifier="999993653", name="Suzanne Jansen")
MOHAMMED = Party(kind="bsn", identifier="999990627", name="Mohammed el Amrani")


def _at(today: date, days_ago: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(hour)))


def _zaak(identificatie: str) -> Zaak:
    return Zaak.objects.get(bronorganisatie=settings.ORGANISATION_RSIN, identificatie=identificatie)


def load_interactions(*, today: date) -> int:
    """Create the demo interactions when missing; returns how many taken were created."""
    if ExterneTaak.objects.filter(verwerker_taak_id__startswith=MARKER).exists():
        return 0
    geluid, woz, toeslag = _zaak("DEMO-0001"), _zaak("DEMO-0002"), _zaak("DEMO-0003")
    _suzanne(today, geluid, woz)
    _mohammed(today, toeslag)
    return ExterneTaak.objects.filter(verwerker_taak_id__startswith=MARKER).count()


def _suzanne(today: date, geluid: Zaak, woz: Zaak) -> None:
    geluid_url = zaak_api_url(geluid)
    leges = taak_create(
        taak_soort=TaakSoort.BETAALTAAK,
        titel="Betaal de leges voor uw aanvraag",
        is_toegewezen_aan=SUZANNE,
        einddatum_handelings_termijn=today + timedelta(days=14),
        startdatum=today - timedelta(days=2),
        handelings_perspectief=HandelingsPerspectief.BETALEN,
        toelichting="Voor het onderzoek naar uw woning betaalt u leges.",
        is_gerelateerd_aan=[geluid_url],
        verwerker_taak_id=f"{MARKER}1",
        details={
            "bedrag": "45.50",
            "transactieomschrijving": "Leges aanvraag geluidsisolatie DEMO-0001",
            "doelrekening": {"naam": "Gemeente Voorbeeld (demo)", "iban": "NL91ABNA0417164300"},
        },
    )
    bericht_publish(
        ontvanger=SUZANNE,
        onderwerp="Betaal de leges voor uw aanvraag",
        bericht_tekst=(
            "Voor het onderzoek naar uw woning betaalt u € 45,50 leges. U kunt dit doen bij "
            "Mijn taken. Betaal vóór de datum die daar staat."
        ),
        publicatiedatum=_at(today, 2),
        handelings_perspectief=HandelingsPerspectief.BETALEN,
        einddatum_handelings_termijn=today + timedelta(days=14),
        is_gerelateerd_aan=[geluid_url],
        taak=leges,
    )
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel="Stuur ons een kopie van uw eigendomsbewijs",
        is_toegewezen_aan=SUZANNE,
        einddatum_handelings_termijn=today + timedelta(days=10),
        startdatum=today - timedelta(days=1),
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        toelichting="Wij moeten weten dat de woning van u is. Een foto of scan is genoeg.",
        is_gerelateerd_aan=[geluid_url],
        verwerker_taak_id=f"{MARKER}2",
        details={"uitvraagLink": upload_link(geluid)},
    )
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel="Vul de vragenlijst over uw woning in",
        is_toegewezen_aan=SUZANNE,
        einddatum_handelings_termijn=today + timedelta(days=21),
        startdatum=today - timedelta(days=1),
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        toelichting="Het adviesbureau wil weten hoe u de woning gebruikt.",
        is_gerelateerd_aan=[geluid_url],
        verwerker_taak_id=f"{MARKER}3",
        details={"uitvraagLink": "https://formulieren.example/demo/vragenlijst-woning"},
    )
    bericht_publish(
        ontvanger=SUZANNE,
        onderwerp="Uw bezwaar is afgehandeld",
        bericht_tekst=(
            "Wij hebben een besluit genomen over uw bezwaar tegen de WOZ-waarde. U vindt de "
            "uitspraak bij uw zaak."
        ),
        publicatiedatum=_at(today, 82),
        is_gerelateerd_aan=[zaak_api_url(woz)],
    )
    digitaal_adres_create(
        party=SUZANNE,
        adres="suzanne.jansen@example.nl",
        soort="email",
        is_standaard=True,
        verificatie_datum=today - timedelta(days=200),
        omschrijving="E-mail",
    )
    klantcontact_register(
        party=SUZANNE,
        kanaal="post",
        onderwerp="Brief: ontvangstbevestiging aanvraag",
        inhoud="Wij hebben uw aanvraag voor geluidsisolatie ontvangen.",
        plaatsgevonden_op=_at(today, 27, 16),
        zaak_url=geluid_url,
        actor_naam="Team Geluidsanering",
    )
    klantcontact_register(
        party=SUZANNE,
        kanaal="telefoon",
        onderwerp="Vraag over de status van de aanvraag",
        inhoud="Mevrouw vroeg wanneer het adviesbureau langskomt. Uitgelegd: binnen 2 weken.",
        plaatsgevonden_op=_at(today, 20, 11),
        zaak_url=geluid_url,
        indicatie_contact_gelukt=True,
        actor_naam="KCC",
    )
    vraag = klantcontact_register(
        party=SUZANNE,
        kanaal="portaal",
        onderwerp="Vraag over zaak DEMO-0001",
        inhoud="Moet ik thuis zijn als de geluidsmeting wordt gedaan?",
        plaatsgevonden_op=_at(today, 12, 20),
        zaak_url=geluid_url,
    )
    klantcontact_answer(
        vraag=vraag,
        antwoord="Ja, het adviesbureau meet binnen en buiten. Zij bellen u voor een afspraak.",
        actor_naam="Team Geluidsanering",
        plaatsgevonden_op=_at(today, 11, 9),
    )
    klantcontact_register(
        party=SUZANNE,
        kanaal="balie",
        onderwerp="Bezwaarschrift WOZ afgegeven",
        inhoud="Mevrouw heeft haar bezwaarschrift aan de balie afgegeven.",
        plaatsgevonden_op=_at(today, 130, 14),
        zaak_url=zaak_api_url(woz),
        actor_naam="Balie Stadhuis",
    )


def _mohammed(today: date, toeslag: Zaak) -> None:
    url = zaak_api_url(toeslag)
    # He reads his messages in English; his quiet complaint gets a "not forgotten" e-mail.
    digitaal_adres_create(
        party=MOHAMMED,
        adres="m.elamrani@example.nl",
        soort="email",
        is_standaard=True,
        verificatie_datum=today - timedelta(days=90),
        omschrijving="E-mail",
    )
    voorkeuren_update(
        party=MOHAMMED, voorkeurskanaal="email", uitgezet=[], alleen_digitaal=True, taal="en"
    )
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel="Stuur uw laatste loonstrook",
        is_toegewezen_aan=MOHAMMED,
        einddatum_handelings_termijn=today + timedelta(days=5),
        startdatum=today - timedelta(days=3),
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        toelichting="Wij hebben uw loonstrook van vorige maand nodig om uw inkomen te berekenen.",
        is_gerelateerd_aan=[url],
        verwerker_taak_id=f"{MARKER}4",
        details={"uitvraagLink": upload_link(toeslag)},
    )
    klantcontact_register(
        party=MOHAMMED,
        kanaal="chat",
        onderwerp="Chat: hoe lang duurt de aanvraag?",
        inhoud="Uitgelegd dat de beslissing binnen 8 weken komt.",
        plaatsgevonden_op=_at(today, 6, 15),
        zaak_url=url,
        indicatie_contact_gelukt=True,
        actor_naam="KCC",
    )
