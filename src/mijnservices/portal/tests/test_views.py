"""MijnZaken overview and zaak detail: what a citizen sees, and only theirs."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.kpis.models import DailyFigure
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
MOHAMMED = "999990627"
BAKKERIJ = "69599084"
OVERVIEW = "/mijn-zaken/"


def detail_url(zaak) -> str:
    return f"/mijn-zaken/{zaak.uuid}/"


def test_start_page_explains_the_service_and_links_to_login(client: Client):
    page = client.get("/").content.decode()
    assert "Bekijk hoe ver uw aanvraag" in page
    assert 'href="/inloggen/"' in page
    assert "!" not in re.sub(r"<!DOCTYPE html>|<!--.*?-->", "", page)


def test_start_page_sends_logged_in_visitors_to_their_overview(login_as):
    assert login_as(SUZANNE).get("/")["Location"] == "/mijn-overzicht/"


def test_accessibility_statement_is_public_and_linked_from_every_page(client: Client):
    page = client.get("/toegankelijkheid/").content.decode()
    assert '<h1 class="utrecht-heading-1">Toegankelijkheidsverklaring</h1>' in page
    assert 'href="/toegankelijkheid/"' in client.get("/inloggen/").content.decode()


def test_unknown_page_shows_the_portal_404_page(client: Client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_overview_asks_visitors_to_log_in_first(client: Client):
    response = client.get(OVERVIEW)
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Fmijn-zaken%2F"


def test_overview_shows_only_own_zaken(login_as):
    own = ZaakFactory.create(for_bsn=SUZANNE, omschrijving="Mijn eigen aanvraag")
    other = ZaakFactory.create(for_bsn=MOHAMMED, omschrijving="Aanvraag van een ander")
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    assert own.identificatie in page
    assert "Mijn eigen aanvraag" in page
    assert other.identificatie not in page
    assert "Aanvraag van een ander" not in page


def test_overview_splits_ongoing_and_completed_newest_activity_first(login_as):
    zaaktype = published_zaaktype()
    older = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, omschrijving="Oudere zaak")
    newer = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, omschrijving="Nieuwere zaak")
    zaken_services.substatus_create(zaak=newer, omschrijving="Iets nieuws")
    closed = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, closed=True)

    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    ongoing, completed = page.split("Afgeronde zaken")

    assert "Lopende zaken" in ongoing
    assert ongoing.index("Nieuwere zaak") < ongoing.index("Oudere zaak")
    assert closed.identificatie in completed
    assert older.identificatie not in completed


def test_overview_row_shows_number_dates_status_and_planned_end(login_as):
    zaak = ZaakFactory.create(
        for_bsn=SUZANNE, status_count=2, startdatum=date(2025, 3, 1), omschrijving=""
    )
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    assert zaak.identificatie in page
    assert f'href="{detail_url(zaak)}"' in page
    assert "Testaanvraag" in page  # no omschrijving: the zaaktype's name
    assert "Stap 2" in page  # current status in plain words
    assert "Datum aanvraag" in page
    assert "Gepland klaar op" in page
    assert "12 april 2025" in page  # startdatum + 6 weeks servicenorm


def test_overview_falls_back_to_the_legal_deadline_without_a_planned_end(login_as):
    zaaktype = published_zaaktype()
    ZaakType.objects.filter(pk=zaaktype.pk).update(servicenorm=None)  # no service norm set
    zaaktype.refresh_from_db()
    ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, startdatum=date(2025, 3, 1))
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    assert "Uiterlijk klaar op (wettelijke termijn)" in page
    assert "26 april 2025" in page  # startdatum + 8 weeks doorlooptijd


def test_overview_uses_the_public_description_of_the_zaaktype(login_as):
    zaaktype = published_zaaktype(publieke_omschrijving="Bezwaar tegen uw WOZ-waarde")
    ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, omschrijving="")
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    assert "Bezwaar tegen uw WOZ-waarde" in page


def test_overview_greeting_has_no_exclamation_mark_or_comma(login_as):
    page = login_as(SUZANNE, name="Suzanne Jansen").get(OVERVIEW).content.decode()
    assert "Welkom Suzanne Jansen<" in page
    assert "!" not in re.sub(r"<!DOCTYPE html>|<!--.*?-->", "", page)


def test_overview_without_zaken_says_what_to_do(login_as):
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    assert "U heeft geen lopende zaken." in page
    assert "Neem dan contact op met Gemeente Voorbeeld" in page
    assert "U heeft nog geen afgeronde zaken." in page


def test_business_login_sees_the_business_zaken(login_as):
    business = ZaakFactory.create(for_kvk=BAKKERIJ, omschrijving="Bezwaar bedrijfspand")
    person = ZaakFactory.create(for_bsn=SUZANNE)
    page = login_as(BAKKERIJ, kind="kvk", name="Bakkerij").get(OVERVIEW).content.decode()
    assert business.identificatie in page
    assert person.identificatie not in page


def test_detail_of_another_persons_zaak_is_not_found(login_as):
    other = ZaakFactory.create(for_bsn=MOHAMMED)
    assert login_as(SUZANNE).get(detail_url(other)).status_code == 404


def test_detail_asks_visitors_to_log_in_first(client: Client):
    zaak = ZaakFactory.create(for_bsn=SUZANNE)
    response = client.get(detail_url(zaak))
    assert response["Location"].startswith("/inloggen/?next=%2Fmijn-zaken%2F")


def test_detail_shows_all_steps_with_dates_and_marks_the_current_one(login_as):
    zaaktype = published_zaaktype(steps=4)
    zaak = ZaakFactory.create(
        zaaktype=zaaktype, for_bsn=SUZANNE, status_count=2, omschrijving="Geluidssubsidie"
    )
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    steps = re.findall(r'<li class="portal-step portal-step--(\w+)"( aria-current="step")?', page)
    assert steps == [
        ("past", ""),
        ("current", ' aria-current="step"'),
        ("future", ""),
        ("future", ""),
    ]
    assert page.count("✓") == 1  # only the finished step
    assert "Uitleg bij stap 2" in page  # explanation of the current step
    assert "Verwacht rond" in page
    assert page.count('<time datetime="') >= 4 + 2  # a date at every step, plus the facts
    assert zaak.identificatie in page
    assert "Gepland klaar op" in page
    assert "Uiterlijk klaar op (wettelijke termijn)" in page


def test_detail_lists_updates_under_their_step_with_a_date_and_no_checkmark(login_as):
    zaak = ZaakFactory.create(for_bsn=SUZANNE, status_count=1)
    zaken_services.substatus_create(zaak=zaak, omschrijving="Wij hebben uw stukken bekeken")
    zaken_services.substatus_create(zaak=zaak, omschrijving="Intern", doelgroep="intern")
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    current = page.split('aria-current="step"')[1].split("</li>\n  \n    <li")[0]
    assert "Wij hebben uw stukken bekeken" in current
    update = re.search(r'<li class="portal-update">(.*?)</li>', current, re.S)
    assert update is not None
    assert "<time" in update.group(1)
    assert "✓" not in update.group(1)
    assert "Intern" not in page.replace("Internal", "")


def test_detail_shows_the_current_status_explanation_from_the_employee(login_as):
    zaak = ZaakFactory.create(for_bsn=SUZANNE, status_count=1)
    statustype = zaak.zaaktype.statustypen.get(volgnummer=2)
    zaken_services.status_set(
        zaak=zaak, statustype=statustype, statustoelichting="We wachten op het advies."
    )
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    assert "We wachten op het advies." in page


def test_detail_of_a_closed_zaak_shows_when_and_how_it_ended(login_as):
    zaak = ZaakFactory.create(for_bsn=SUZANNE, closed=True)
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    assert "Afgerond op" in page
    assert "Toegekend" in page
    assert 'aria-current="step"' not in page  # no current step; the menu marks its page
    assert page.count("✓") == 4


def test_english_detail_uses_english_labels(login_as):
    zaak = ZaakFactory.create(for_bsn=SUZANNE)
    client = login_as(SUZANNE)
    page = client.get(detail_url(zaak), headers={"accept-language": "en"}).content.decode()
    assert '<html lang="en"' in page
    assert "Steps of your case" in page
    assert "Expected around" in page


def _count_queries(client: Client, url: str) -> int:
    # Warm: the per-process caches (presentation, statustypen, branding) are filled by a first
    # request and then read by every later one (decision 0040).
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_overview_runs_the_same_number_of_queries_for_1_or_50_zaken(login_as):
    zaaktype = published_zaaktype()
    ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE)
    client = login_as(SUZANNE)
    one = _count_queries(client, OVERVIEW)
    for number in range(49):
        ZaakFactory.create(
            zaaktype=zaaktype,
            for_bsn=SUZANNE,
            status_count=-1 if number % 5 == 0 else (number % 3) + 1,  # -1: closed
        )
    assert _count_queries(client, OVERVIEW) == one
    # The session, the zaken as values, the unread count (decision 0040; it was 5).
    assert one == 3


def test_detail_runs_the_same_number_of_queries_for_few_or_many_steps(login_as):
    small = ZaakFactory.create(zaaktype=published_zaaktype(steps=2), for_bsn=SUZANNE)
    big = ZaakFactory.create(
        zaaktype=published_zaaktype(steps=12), for_bsn=SUZANNE, status_count=10
    )
    for hours in range(5):
        zaken_services.substatus_create(
            zaak=big,
            omschrijving=f"Update {hours}",
            tijdstip=timezone.now() + timedelta(hours=hours),
        )
    client = login_as(SUZANNE)
    few = _count_queries(client, detail_url(small))
    assert _count_queries(client, detail_url(big)) == few
    # Session, zaak, statussen, sub-statussen, the day's view count, besluiten, documents,
    # contacts with their partij, unread count; the tasks only for a zaak quiet in its steps
    # (decision 0040; it was 15). The upload type comes from the per-process cache.
    assert few == 9


def test_detail_shows_the_behandelaar_only_when_the_zaaktype_allows_it(login_as):
    from mijnservices.registrations.catalogi.models import RolOmschrijving

    def with_behandelaar(zaaktype):
        zaak = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE)
        roltype = zaaktype.roltypen.get(omschrijving_generiek=RolOmschrijving.BEHANDELAAR)
        zaken_services.rol_create(
            zaak=zaak,
            roltype=roltype,
            betrokkene_type="medewerker",
            identificatie="team-x",
            naam="Team Vergunningen",
        )
        return zaak

    shown = with_behandelaar(published_zaaktype(toon_behandelaar=True))
    hidden = with_behandelaar(published_zaaktype(toon_behandelaar=False))
    client = login_as(SUZANNE)
    page = client.get(detail_url(shown)).content.decode()
    assert "Behandeld door" in page
    assert "Team Vergunningen" in page
    assert "Team Vergunningen" not in client.get(detail_url(hidden)).content.decode()


def test_detail_of_a_quiet_zaak_says_it_is_not_forgotten(login_as, settings):
    settings.STATUS_SILENCE_DAYS_DEFAULT = 3
    zaak = ZaakFactory.create(for_bsn=SUZANNE, status_count=1, startdatum=date(2025, 1, 1))
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    assert "dagen niets veranderd aan uw zaak" in page
    assert "Uw zaak is niet vergeten." in page


def test_a_task_given_on_a_zaak_quiet_in_its_steps_counts_as_news(login_as, settings):
    # The tasks are read only when the steps alone are quiet (decision 0040); then they count.
    from mijnservices.core.identity import Party
    from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
    from mijnservices.testing.taken import betaaltaak

    settings.STATUS_SILENCE_DAYS_DEFAULT = 3
    zaak = ZaakFactory.create(for_bsn=SUZANNE, status_count=1, startdatum=date(2025, 1, 1))
    client = login_as(SUZANNE)
    assert "Uw zaak is niet vergeten." in client.get(detail_url(zaak)).content.decode()
    betaaltaak(party=Party("bsn", SUZANNE), is_gerelateerd_aan=zaak_api_url(zaak))
    assert "Uw zaak is niet vergeten." not in client.get(detail_url(zaak)).content.decode()


def test_detail_of_a_busy_zaak_says_nothing_about_silence(login_as, settings):
    settings.STATUS_SILENCE_DAYS_DEFAULT = 30
    zaak = ZaakFactory.create(for_bsn=SUZANNE, status_count=1)
    assert "niet vergeten" not in login_as(SUZANNE).get(detail_url(zaak)).content.decode()


def _history(zaaktype, number: int) -> None:
    for _ in range(number):
        ZaakFactory.create(zaaktype=zaaktype, for_bsn=MOHAMMED, closed=True)


def test_detail_shows_a_prediction_with_its_explanation_above_the_threshold(login_as, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 3
    zaaktype = published_zaaktype()
    _history(zaaktype, 3)
    zaak = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, status_count=2)
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    assert "Verwacht klaar (op basis van eerdere zaken)" in page
    assert "<summary>Hoe hebben we dit berekend?</summary>" in page
    assert "de laatste 3 afgeronde zaken" in page


def test_detail_shows_no_prediction_below_the_threshold(login_as, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 10
    zaaktype = published_zaaktype()
    _history(zaaktype, 3)
    zaak = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, status_count=2)
    page = login_as(SUZANNE).get(detail_url(zaak)).content.decode()
    assert "op basis van eerdere zaken" not in page
    assert "Uiterlijk klaar op (wettelijke termijn)" in page


def test_detail_runs_the_same_queries_with_a_history_of_1_or_50_zaken(login_as, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 1
    zaaktype = published_zaaktype()
    _history(zaaktype, 1)
    zaak = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, status_count=2)
    client = login_as(SUZANNE)
    one = _count_queries(client, detail_url(zaak))
    _history(zaaktype, 49)
    assert "op basis van eerdere zaken" in client.get(detail_url(zaak)).content.decode()
    assert _count_queries(client, detail_url(zaak)) == one
    # The end-date statistic is kept per process: no query per view (it was 15 with it).
    assert one == 9


def test_keep_alive_renews_a_session_and_refuses_visitors(client: Client, login_as):
    assert client.post("/sessie/verlengen/").status_code == 401
    login_as(SUZANNE)
    response = client.post("/sessie/verlengen/", headers={"accept": "application/json"})
    assert response.json() == {"logged_in": True}
    back = client.post("/sessie/verlengen/", {"next": "/mijn-zaken/"})
    assert back["Location"] == "/mijn-zaken/"


def test_logged_in_pages_carry_the_session_warning_and_script(login_as):
    page = login_as(SUZANNE).get(OVERVIEW).content.decode()
    # The seconds left of the idle time (900): a slow machine may have spent one or two of
    # them between the login and the page.
    found = re.search(r'id="session-warning" hidden data-timeout="(\d+)" data-warning="120"', page)
    assert found is not None
    assert 890 <= int(found.group(1)) <= 900
    assert "Ingelogd blijven" in page
    assert "portal/session.js" in page


def test_viewing_a_zaak_page_counts_a_view_for_its_zaaktype_without_who(login_as):
    client = login_as("999993653")
    zaak = ZaakFactory(for_bsn="999993653")
    client.get(f"/mijn-zaken/{zaak.uuid}/")
    client.get(f"/mijn-zaken/{zaak.uuid}/")
    row = DailyFigure.objects.get(measure="portaal_zaakweergaven")
    assert (row.zaaktype, row.value) == (zaak.zaaktype.identificatie, 2)


def test_viewing_a_zaak_page_again_writes_nothing(login_as, settings):
    # Issue 19: a GET wrote a counter row each time; views are now added up per process
    # (PORTAL_USE_FLUSH_SECONDS) and the session is saved at most once a minute.
    from mijnservices.services.kpis.portal_use import portal_use_flush

    settings.PORTAL_USE_FLUSH_SECONDS = 60
    client = login_as("999993653")
    zaak = ZaakFactory(for_bsn="999993653")
    portal_use_flush()  # the interval starts now
    client.get(f"/mijn-zaken/{zaak.uuid}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/mijn-zaken/{zaak.uuid}/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    portal_use_flush()
    row = DailyFigure.objects.get(measure="portaal_zaakweergaven")
    assert (row.zaaktype, row.value) == (zaak.zaaktype.identificatie, 2)


def test_an_employee_404_does_not_send_them_to_my_cases(client: Client):
    # Issue 21: employees have no "Naar mijn zaken".
    page = client.get("/medewerker/bestaat-niet/").content.decode()
    assert "Naar mijn zaken" not in page
    assert "Naar de startpagina voor medewerkers" in page
    assert "Naar mijn zaken" in client.get("/bestaat-niet/").content.decode()


def test_the_post_icon_is_not_a_second_envelope():
    from django.template.loader import render_to_string

    def icon(channel: str) -> str:
        return render_to_string("portal/_channel_icon.html", {"channel": channel})

    assert icon("post") != icon("email")
    assert 'd="m3 7 9 6 9-6"' in icon("email")  # the envelope's flap
    assert 'd="m3 7 9 6 9-6"' not in icon("post")


@pytest.mark.django_db
def test_a_business_profile_is_not_headed_personal_details(login_as):
    page = login_as("12345678", kind="kvk", name="Bakkerij").get("/mijn-profiel/").content.decode()
    assert "Gegevens van uw bedrijf" in page
    assert "Uw persoonsgegevens" not in page


def test_the_accessibility_statement_follows_the_official_model(client: Client, settings):
    # Issue 21 / Startgids bijlage 6: status, WCAG 2.2 AA, last evaluation, the register.
    settings.ACCESSIBILITY_EVALUATED_ON = "2026-11-30"
    settings.ACCESSIBILITY_REGISTER_URL = "https://register.example/verklaring/42"
    page = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG 2.2" in page and "EN 301 549" in page
    assert "Status B: voldoet gedeeltelijk." in page
    assert '<time datetime="2026-11-30">30 november 2026</time>' in page
    assert 'href="https://register.example/verklaring/42"' in page
    assert "Nationale ombudsman" in page
