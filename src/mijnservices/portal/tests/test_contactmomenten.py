"""MijnContactmomenten and asking a question on a zaak: every channel with a label and a
date, questions with their answers, the confirmation with the answer term, access per route
and a constant query count."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.models import Klantcontact
from mijnservices.registrations.klantinteracties.services import (
    klantcontact_answer,
    klantcontact_register,
)
from mijnservices.services.mijnoverzicht.contactmomenten import working_days_after
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

SUZANNE = Party(kind="bsn", identifier="999993653")
ELS = Party(kind="bsn", identifier="999991589")


@pytest.fixture
def zaak():
    return ZaakFactory(
        zaaktype=published_zaaktype(identificatie="ZT-VRAAG", vraag_antwoordtermijn_werkdagen=3),
        for_bsn=SUZANNE.identifier,
    )


def _timeline(client: Client) -> str:
    response = client.get(reverse("portal:contactmomenten"))
    assert response.status_code == 200
    return response.content.decode()


def _ask(client: Client, zaak, text: str):
    return client.post(reverse("portal:question", kwargs={"zaak_uuid": zaak.uuid}), {"vraag": text})


def test_the_timeline_labels_every_channel_in_words_with_a_date(login_as, zaak):
    labels = {
        "telefoon": "Telefoongesprek",
        "balie": "Bezoek aan de balie",
        "e-mail": "E-mail",
        "chat": "Chat",
        "post": "Brief per post",
        "sms": "Sms",
    }
    for days, kanaal in enumerate(labels):
        klantcontact_register(
            party=SUZANNE,
            kanaal=kanaal,
            onderwerp=f"Contact via {kanaal}",
            inhoud="",
            plaatsgevonden_op=timezone.now() - timedelta(days=days + 1),
            actor_naam="KCC",
        )
    page = _timeline(login_as(SUZANNE.identifier))
    for label in labels.values():
        assert f'<span class="portal-channel__label">{label}</span>' in page
    assert page.count("<time datetime=") == len(labels)
    assert page.count('class="portal-channel__icon" aria-hidden="true"') == len(labels)
    # Newest first.
    assert page.index("Contact via telefoon") < page.index("Contact via sms")


def test_asking_a_question_confirms_the_answer_term_and_shows_it_open_on_the_zaak(login_as, zaak):
    client = login_as(SUZANNE.identifier)
    response = _ask(client, zaak, "Wanneer komt de taxateur?")
    assert response.status_code == 302
    assert response["Location"].endswith("#contact")
    page = client.get(response["Location"]).content.decode()
    assert "Uw vraag is verstuurd. U krijgt binnen 3 werkdagen antwoord" in page
    assert "Wanneer komt de taxateur?" in page
    assert "Wij hebben deze vraag nog niet beantwoord." in page
    assert "<details" not in page.split('id="contact"')[1]  # opened, not collapsed
    contact = Klantcontact.objects.get(kanaal="portaal")
    assert contact.onderwerpobjecten.get().object_id == zaak_api_url(zaak)
    assert "Wanneer komt de taxateur?" in _timeline(client)


def test_an_answer_appears_under_the_question(login_as, zaak):
    client = login_as(SUZANNE.identifier)
    _ask(client, zaak, "Moet ik thuis zijn?")
    klantcontact_answer(
        vraag=Klantcontact.objects.get(kanaal="portaal"), antwoord="Ja, graag.", actor_naam="Team"
    )
    page = _timeline(client)
    assert (
        page.index("Moet ik thuis zijn?")
        < page.index("Antwoord van de gemeente")
        < page.index("Ja, graag.")
    )
    assert "nog niet beantwoord" not in page
    assert page.count('class="portal-timeline__item"') == 1  # the answer is not a second item


def test_an_empty_question_is_refused_and_a_long_one_keeps_the_text(login_as, zaak):
    client = login_as(SUZANNE.identifier)
    response = _ask(client, zaak, "   ")
    assert response.status_code == 400
    assert "Typ uw vraag." in response.content.decode()
    too_long = "x" * 2001
    response = _ask(client, zaak, too_long)
    assert response.status_code == 400
    assert too_long in response.content.decode()
    assert not Klantcontact.objects.exists()


def test_nobody_can_ask_a_question_on_someone_elses_zaak(login_as, zaak):
    response = _ask(login_as(ELS.identifier), zaak, "Hoi")
    assert response.status_code == 404
    assert not Klantcontact.objects.exists()


def test_the_timeline_shows_only_the_persons_own_contacts(login_as, zaak):
    klantcontact_register(party=ELS, kanaal="telefoon", onderwerp="Van Els", inhoud="")
    klantcontact_register(party=SUZANNE, kanaal="telefoon", onderwerp="Van Suzanne", inhoud="")
    page = _timeline(login_as(SUZANNE.identifier))
    assert "Van Suzanne" in page
    assert "Van Els" not in page


def test_a_notification_that_did_not_arrive_says_to_check_the_contact_details(login_as):
    klantcontact_register(
        party=SUZANNE,
        kanaal="e-mail",
        onderwerp="Er is nieuws over uw zaak",
        inhoud="",
        indicatie_contact_gelukt=False,
        actor_naam="Notificatieservice",
    )
    assert "kon niet worden bezorgd" in _timeline(login_as(SUZANNE.identifier))


def test_timeline_queries_do_not_grow_with_contacts(login_as, zaak):
    client = login_as(SUZANNE.identifier)
    url = zaak_api_url(zaak)
    vraag = klantcontact_register(
        party=SUZANNE, kanaal="portaal", onderwerp="V", inhoud="?", zaak_url=url
    )
    klantcontact_answer(vraag=vraag, antwoord="!", actor_naam="T")
    _timeline(client)  # warm: the per-process caches fill on a first request
    with CaptureQueriesContext(connection) as few:
        _timeline(client)
    for number in range(10):
        vraag = klantcontact_register(
            party=SUZANNE, kanaal="portaal", onderwerp=f"V{number}", inhoud="?", zaak_url=url
        )
        klantcontact_answer(vraag=vraag, antwoord="!", actor_naam="T")
        klantcontact_register(party=SUZANNE, kanaal="telefoon", onderwerp=f"T{number}", inhoud="")
    with CaptureQueriesContext(connection) as many:
        _timeline(client)
    assert len(many) == len(few)


def test_the_timeline_pages_with_answers_under_their_question_and_constant_queries(login_as, zaak):
    from mijnservices.services.mijnoverzicht.contactmomenten import PAGE_SIZE

    client = login_as(SUZANNE.identifier)
    url = zaak_api_url(zaak)
    vraag = klantcontact_register(
        party=SUZANNE, kanaal="portaal", onderwerp="V", inhoud="De oudste vraag?", zaak_url=url
    )
    klantcontact_answer(vraag=vraag, antwoord="Het antwoord op de oudste.", actor_naam="T")
    for number in range(PAGE_SIZE + 2):
        klantcontact_register(
            party=SUZANNE, kanaal="telefoon", onderwerp=f"Belnr{number}.", inhoud=""
        )
    with CaptureQueriesContext(connection) as first_queries:
        first = _timeline(client)
    second = client.get(reverse("portal:contactmomenten") + "?pagina=2").content.decode()
    newest = f"Belnr{PAGE_SIZE + 1}."
    assert newest in first and "De oudste vraag" not in first and 'rel="next"' in first
    # The answer is on the page of its question, not a row of its own.
    assert "De oudste vraag" in second and "Het antwoord op de oudste." in second
    assert newest not in second and 'rel="prev"' in second
    for number in range(3 * PAGE_SIZE):
        klantcontact_register(party=SUZANNE, kanaal="balie", onderwerp=f"B{number}", inhoud="")
    with CaptureQueriesContext(connection) as later_queries:
        _timeline(client)
    assert len(later_queries) == len(first_queries)
    assert client.get(reverse("portal:contactmomenten") + "?pagina=-1").status_code == 200


def test_working_days_skip_the_weekend():
    friday = date(2026, 11, 20)
    assert working_days_after(friday, 1) == date(2026, 11, 23)
    assert working_days_after(friday, 5) == date(2026, 11, 27)


def test_zaak_page_queries_do_not_grow_with_contacts_about_it(login_as, zaak):
    client = login_as(SUZANNE.identifier)
    url = zaak_api_url(zaak)
    page = reverse("portal:zaak_detail", kwargs={"zaak_uuid": zaak.uuid})
    vraag = klantcontact_register(
        party=SUZANNE, kanaal="portaal", onderwerp="V", inhoud="?", zaak_url=url
    )
    klantcontact_answer(vraag=vraag, antwoord="!", actor_naam="T")
    client.get(page)  # warm: the per-process caches fill on a first request
    with CaptureQueriesContext(connection) as few:
        assert client.get(page).status_code == 200
    for number in range(10):
        vraag = klantcontact_register(
            party=SUZANNE, kanaal="portaal", onderwerp=f"V{number}", inhoud="?", zaak_url=url
        )
        klantcontact_answer(vraag=vraag, antwoord="!", actor_naam="T")
    with CaptureQueriesContext(connection) as many:
        response = client.get(page)
    assert response.content.decode().count('class="portal-timeline__item"') == 11
    assert len(many) == len(few)
    assert len(few) == 10  # the partij found in the contacts query (0047); 11 in 0040, 23 before


def test_each_session_posts_a_question_with_the_csrf_token_its_zaak_page_gave(login_as, zaak):
    # Decision 0047: the question form's HTML is rendered once per language; the token put
    # in must be each request's own, or CSRF protection refuses the question.
    els_zaak = ZaakFactory(zaaktype=zaak.zaaktype, for_bsn=ELS.identifier)
    for party, own in ((SUZANNE, zaak), (ELS, els_zaak), (SUZANNE, zaak)):
        client = login_as(party.identifier)
        client.handler.enforce_csrf_checks = True
        client.cookies.pop(settings.CSRF_COOKIE_NAME, None)  # a new browser: its own secret
        html = client.get(reverse("portal:zaak_detail", kwargs={"zaak_uuid": own.uuid}))
        action = reverse("portal:question", kwargs={"zaak_uuid": own.uuid})
        form = html.content.decode().split(f'action="{action}#question-heading"')[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token is not None
        assert client.post(action, {"vraag": "Hoe staat het?"}).status_code == 403
        data = {"vraag": "Hoe staat het?", "csrfmiddlewaretoken": token[1]}
        assert client.post(action, data).status_code in (200, 302)
    assert Klantcontact.objects.filter(inhoud="Hoe staat het?").count() == 3
