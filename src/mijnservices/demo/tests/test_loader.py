# ruff: noqa: RUF001 - Buren's status names use the typographic en dash on purpose.
from datetime import date, timedelta

import pytest
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen, Party
from mijnservices.core.models import OutboxEvent
from mijnservices.demo import catalog, scenarios
from mijnservices.demo.forms import citizen_for_mandate
from mijnservices.demo.loader import load_demo
from mijnservices.demo.personas import MANDATES, PERSONAS
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Rol, Status, SubStatus, Zaak
from mijnservices.services.access.policy import zaken_scope

TODAY = date(2026, 3, 16)


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    return load_demo(today=TODAY)


def _principal(kind, identifier):
    return Citizen(actor=Party(kind=kind, identifier=identifier), auth_method="demo")


def _zaak(identificatie):
    return Zaak.objects.select_related("zaaktype", "status__statustype").get(
        identificatie=identificatie
    )


@pytest.mark.django_db
def test_first_load_creates_the_four_zaaktypen_and_all_demo_zaken(demo):
    assert demo.catalogus_created
    assert (demo.zaaktypen_created, demo.zaaktypen_present) == (4, 0)
    assert (demo.zaken_created, demo.zaken_present) == (len(scenarios.ZAKEN), 0)


@pytest.mark.django_db
def test_loading_twice_creates_nothing_new(demo):
    counts = [m.objects.count() for m in (ZaakType, Zaak, Status, SubStatus, Rol, OutboxEvent)]
    second = load_demo(today=TODAY + timedelta(days=30))
    assert not second.catalogus_created
    assert (second.zaaktypen_created, second.zaaktypen_present) == (0, 4)
    assert (second.zaken_created, second.zaken_present) == (0, len(scenarios.ZAKEN))
    assert [
        m.objects.count() for m in (ZaakType, Zaak, Status, SubStatus, Rol, OutboxEvent)
    ] == counts


@pytest.mark.django_db
def test_loading_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(DomainError):
        load_demo(today=TODAY)
    assert not Zaak.objects.exists()


@pytest.mark.django_db
def test_all_four_zaaktypen_are_published_with_their_statustypen_in_order(demo):
    for spec in catalog.ZAAKTYPEN:
        zaaktype = ZaakType.objects.get(identificatie=spec.identificatie)
        assert zaaktype.is_published
        statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
        assert [st.omschrijving for st in statustypen] == [s.omschrijving for s in spec.statustypen]
        assert [st.volgnummer for st in statustypen] == list(range(1, len(statustypen) + 1))
        assert all(st.statustekst and st.statustekst_en for st in statustypen)
        # Every step but the last says how long it usually takes, for the expected dates.
        assert all(st.doorlooptijd for st in statustypen[:-1])
        assert zaaktype.publieke_omschrijving and zaaktype.publieke_omschrijving_en
        assert zaaktype.servicenorm <= zaaktype.doorlooptijd
        assert zaaktype.resultaattypen.exists()
        assert set(zaaktype.roltypen.values_list("omschrijving_generiek", flat=True)) == {
            "initiator",
            "behandelaar",
        }


@pytest.mark.django_db
def test_buren_zaaktype_has_exactly_the_five_seed_statuses(demo):
    zaaktype = ZaakType.objects.get(identificatie=catalog.IIT.identificatie)
    assert list(
        zaaktype.statustypen.order_by("volgnummer").values_list("omschrijving", flat=True)
    ) == [
        "Ingediend – niet compleet",
        "Ingediend – compleet",
        "In behandeling",
        "Toegekend – nog uit te betalen",
        "Toegekend en uitbetaald",
    ]


@pytest.mark.django_db
def test_klacht_zaaktype_has_a_stilte_signaal_and_shows_the_behandelaar(demo):
    zaaktype = ZaakType.objects.get(identificatie=catalog.KLACHT.identificatie)
    assert zaaktype.stilte_signaal_dagen
    assert zaaktype.toon_behandelaar
    contact = zaaktype.statustypen.get(omschrijving="In behandeling genomen")
    assert contact.doorlooptijd == timedelta(days=2)  # Tilburg calls within two days


REPRESENTATIVES = {m.actor for m in MANDATES}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona",
    [p for p in PERSONAS if p.kind == "bsn" and (p.kind, p.identifier) not in REPRESENTATIVES],
    ids=lambda p: p.name,
)
def test_every_citizen_sees_an_open_and_a_closed_zaak(demo, persona):
    zaken = zaken_scope(_principal("bsn", persona.identifier))
    assert zaken.open().exists()
    assert zaken.closed().exists()


@pytest.mark.django_db
def test_the_business_has_an_open_woz_objection_and_a_closed_zaak(demo):
    zaken = zaken_scope(_principal("kvk", "69599084"))
    assert zaken.open().filter(zaaktype__identificatie=catalog.WOZ.identificatie).exists()
    assert zaken.closed().exists()
    rol = Rol.objects.get(zaak__in=zaken.open(), omschrijving_generiek="initiator")
    assert (rol.betrokkene_type, rol.kvk_nummer) == ("niet_natuurlijk_persoon", "69599084")


@pytest.mark.django_db
def test_every_demo_zaak_belongs_to_exactly_one_persona(demo):
    seen = [
        identificatie
        for persona in PERSONAS
        for identificatie in zaken_scope(_principal(persona.kind, persona.identifier)).values_list(
            "identificatie", flat=True
        )
    ]
    assert sorted(seen) == sorted(spec.identificatie for spec in scenarios.ZAKEN)


@pytest.mark.django_db
def test_closed_zaken_have_a_resultaat_and_end_on_the_final_status(demo):
    for zaak in Zaak.objects.closed().select_related("zaaktype", "status__statustype"):
        assert zaak.resultaat.resultaattype.zaaktype_id == zaak.zaaktype_id
        final = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
        assert zaak.status.statustype == final
        assert zaak.einddatum == timezone.localdate(zaak.status.datum_status_gezet)


@pytest.mark.django_db
def test_dates_count_back_from_today(demo):
    zaak = _zaak("DEMO-0001")
    assert zaak.startdatum == TODAY - timedelta(days=27)
    assert zaak.registratiedatum == zaak.startdatum
    assert timezone.localdate(zaak.status.datum_status_gezet) == TODAY - timedelta(days=21)
    assert all(timezone.localdate(s.datum_status_gezet) < TODAY for s in Status.objects.all())


@pytest.mark.django_db
def test_newest_activity_is_the_latest_citizen_visible_change(demo):
    # Backdated zaken must not all look "active today" in the overview.
    zaak = _zaak("DEMO-0006")
    assert zaak.laatste_activiteit == zaak.status.datum_status_gezet


@pytest.mark.django_db
def test_woz_objection_must_be_decided_within_the_calendar_year(demo):
    zaak = _zaak("DEMO-0008")
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 12, 31)
    assert catalog.woz_deadline(date(2026, 12, 1)) == date(2026, 12, 1) + timedelta(weeks=6)


@pytest.mark.django_db
def test_geluidsanering_zaak_has_sub_statuses_under_its_current_status(demo):
    zaak = _zaak("DEMO-0001")
    assert zaak.zaaktype.identificatie == catalog.GELUID.identificatie
    assert not zaak.is_closed
    updates = SubStatus.objects.filter(status=zaak.status, doelgroep="betrokkenen")
    assert updates.count() >= 3
    assert all(u.tijdstip > zaak.status.datum_status_gezet for u in updates)
    assert SubStatus.objects.filter(zaak=zaak, doelgroep="intern").exists()


@pytest.mark.django_db
def test_a_klacht_zaak_has_been_silent_longer_than_its_stilte_signaal(demo):
    silent = [
        zaak
        for zaak in Zaak.objects.open()
        .filter(zaaktype__identificatie=catalog.KLACHT.identificatie)
        .select_related("zaaktype", "status")
        if TODAY - timezone.localdate(zaak.status.datum_status_gezet)
        > timedelta(days=zaak.zaaktype.stilte_signaal_dagen)
    ]
    assert silent


@pytest.mark.django_db
def test_some_zaken_have_a_named_behandelaar(demo):
    behandelaars = Rol.objects.filter(omschrijving_generiek="behandelaar")
    assert behandelaars.exists()
    assert all(r.betrokkene_type == "medewerker" and r.naam for r in behandelaars)
    assert behandelaars.filter(naam="Team Belastingen").exists()


@pytest.mark.django_db
def test_a_family_machtiging_covers_only_its_zaaktypen(demo):
    kees = citizen_for_mandate(MANDATES[0])
    seen = set(zaken_scope(kees).values_list("identificatie", flat=True))
    assert seen == {"DEMO-0007"}  # Els's noise subsidy, not her complaint DEMO-0006


@pytest.mark.django_db
def test_a_bewindvoerder_sees_all_zaken_of_the_person_they_act_for(demo):
    anna = citizen_for_mandate(MANDATES[1])
    mohammed = _principal("bsn", "999990627")
    assert set(zaken_scope(anna)) == set(zaken_scope(mohammed))
    assert not zaken_scope(_principal("bsn", "999995078")).exists()  # none of her own


@pytest.mark.django_db
def test_demo_zaken_carry_documents_and_a_woz_decision_the_citizen_can_see(demo):
    from mijnservices.services.mijnzaken.documents import zaak_documents

    suzanne = _principal("bsn", "999993653")
    woz = zaken_scope(suzanne).get(identificatie="DEMO-0002")
    shown = zaak_documents(suzanne, woz)

    assert [d.titel for d in shown.documents] == ["Taxatieverslag", "Bezwaarschrift WOZ-waarde"]
    (besluit,) = shown.besluiten
    assert besluit.what == "Uitspraak op bezwaar WOZ-waarde"
    assert [d.titel for d in besluit.documents] == ["Uitspraak op uw bezwaar"]
    assert open_content_of(shown.documents[0]).startswith(b"%PDF-")


@pytest.mark.django_db
def test_citizens_can_add_documents_to_every_open_demo_zaak(demo):
    from mijnservices.services.mijnzaken.documents import upload_type

    for zaak in Zaak.objects.filter(identificatie__startswith="DEMO-", einddatum__isnull=True):
        assert upload_type(zaak) is not None, zaak.identificatie


def open_content_of(row):
    from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
    from mijnservices.registrations.documenten.storage import open_content

    versie = EnkelvoudigInformatieObject.objects.get(uuid=row.uuid).huidige_versie
    with open_content(versie.inhoud) as handle:
        return handle.read()
