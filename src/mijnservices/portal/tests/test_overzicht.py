"""Mijn overzicht, MijnTaken and MijnBerichten: what each page shows, in which order, to whom,
and with a query count that does not grow with the number of tasks or messages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.taken.models import HandelingsPerspectief, TaakStatus
from mijnservices.services.mijnoverzicht.taken import upload_link
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
from mijnservices.testing.documents import PDF, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.testing.taken import bericht, betaaltaak, urltaak

pytestmark = pytest.mark.django_db

SUZANNE = Party(kind="bsn", identifier="999993653")
ELS = Party(kind="bsn", identifier="999991589")
KEES = "999992570"


@pytest.fixture
def zaak():
    return ZaakFactory(
        zaaktype=zaaktype_with_uploads(identificatie="ZT-OVERZICHT"),
        for_bsn=SUZANNE.identifier,
        omschrijving="Geluidsisolatie",
    )


def _get(client: Client, name: str, **kwargs) -> str:
    response = client.get(reverse(f"portal:{name}", kwargs=kwargs))
    assert response.status_code == 200
    return response.content.decode()


def _queries(client: Client, name: str) -> int:
    _get(client, name)  # warm: the per-process caches fill on a first request (decision 0040)
    with CaptureQueriesContext(connection) as captured:
        _get(client, name)
    return len(captured)


def test_the_home_page_shows_tasks_first_then_cases_then_messages(login_as, zaak):
    betaaltaak(party=SUZANNE, titel="Betaal de leges", is_gerelateerd_aan=zaak_api_url(zaak))
    bericht(party=SUZANNE, onderwerp="Uw aanvraag is binnen")
    page = _get(login_as(SUZANNE.identifier), "overview")
    task, case, message = (
        page.index("Betaal de leges"),
        page.index("Geluidsisolatie"),
        page.index("Uw aanvraag is binnen"),
    )
    assert task < case < message
    assert "1 nieuw bericht" in page


def test_logging_in_lands_on_the_overview(client: Client, settings):
    settings.DEMO_MODE = True
    response = client.post(reverse("demo:login"), {"persona": "bsn:999993653"})
    assert response["Location"] == "/mijn-overzicht/"


def test_my_tasks_lists_open_tasks_by_deadline_then_done_ones(login_as, zaak):
    today = timezone.localdate()
    later = urltaak(party=SUZANNE, titel="Later", einddatum_handelings_termijn=today + timedelta(9))
    urltaak(party=SUZANNE, titel="Eerst", einddatum_handelings_termijn=today + timedelta(2))
    betaaltaak(party=SUZANNE, titel="Al betaald", status=TaakStatus.UITGEVOERD)
    urltaak(party=ELS, titel="Van iemand anders")
    page = _get(login_as(SUZANNE.identifier), "taken")
    assert page.index("Eerst") < page.index("Later") < page.index("Al betaald")
    assert "Van iemand anders" not in page
    assert later.details["uitvraagLink"] in page  # a form task links to its form


def test_a_pay_task_shows_the_amount_and_a_pay_button(login_as):
    taak = betaaltaak(party=SUZANNE, titel="Leges")
    page = _get(login_as(SUZANNE.identifier), "taken")
    # Issue 21: money in the page's language, one way everywhere.
    assert "€\u00a025,00" in page
    assert "25.00" not in page
    assert reverse("payments:start", kwargs={"taak_uuid": taak.uuid}) in page


def test_adding_a_document_completes_the_upload_task_of_that_zaak(login_as, zaak):
    other = ZaakFactory(zaaktype=zaak.zaaktype, for_bsn=SUZANNE.identifier)
    task = urltaak(
        party=SUZANNE,
        titel="Stuur uw eigendomsbewijs",
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        is_gerelateerd_aan=zaak_api_url(zaak),
        details={"uitvraagLink": upload_link(zaak)},
    )
    elsewhere = urltaak(
        party=SUZANNE,
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        is_gerelateerd_aan=zaak_api_url(other),
        details={"uitvraagLink": upload_link(other)},
    )
    client = login_as(SUZANNE.identifier)
    page = _get(client, "taken")
    assert f"/mijn-zaken/{zaak.uuid}/#document-toevoegen" in page
    response = client.post(
        reverse("portal:document_add", kwargs={"zaak_uuid": zaak.uuid}),
        {"file": SimpleUploadedFile("akte.pdf", PDF), "titel": "Eigendomsakte"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    elsewhere.refresh_from_db()
    assert task.status == TaakStatus.UITGEVOERD
    assert elsewhere.status == TaakStatus.OPEN


def test_opening_a_message_marks_it_read_and_the_unread_count_drops(login_as):
    message = bericht(party=SUZANNE, onderwerp="Nieuw besluit")
    client = login_as(SUZANNE.identifier)
    assert "1 nieuw bericht" in _get(client, "berichten")
    page = _get(client, "bericht", bericht_uuid=message.uuid)
    assert "Nieuw besluit" in page
    message.refresh_from_db()
    assert message.geopend_op is not None
    assert "0 nieuwe berichten" in _get(client, "berichten")


def test_someone_else_cannot_open_a_message(login_as):
    message = bericht(party=ELS)
    response = login_as(SUZANNE.identifier).get(
        reverse("portal:bericht", kwargs={"bericht_uuid": message.uuid})
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.geopend_op is None


def test_a_payment_request_is_shown_done_once_the_task_is_paid(login_as):
    taak = betaaltaak(party=SUZANNE, status=TaakStatus.UITGEVOERD)
    message = bericht(party=SUZANNE, onderwerp="Betaal uw leges", taak=taak)
    page = _get(login_as(SUZANNE.identifier), "bericht", bericht_uuid=message.uuid)
    assert "U hoeft niets meer te doen" in page


def test_a_payment_confirmation_shows_what_was_paid_above_the_text(login_as):
    taak = betaaltaak(party=SUZANNE, status=TaakStatus.UITGEVOERD)
    message = bericht(
        party=SUZANNE, onderwerp="Betaling ontvangen", taak=taak, bericht_type="BETAALD"
    )
    page = _get(login_as(SUZANNE.identifier), "bericht", bericht_uuid=message.uuid)
    assert page.index("Leges paspoort") < page.index(message.bericht_tekst[:20])


def _as_representative(client: Client, *, zaaktypen: list[str]) -> Client:
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": KEES, "vestiging": "", "name": "Kees"},
        "auth_method": "digid",
        "represented": {
            "kind": "bsn",
            "identifier": ELS.identifier,
            "vestiging": "",
            "name": "Els",
        },
        "mandate": "familie",
        "mandate_zaaktypen": zaaktypen,
    }
    session.save()
    return client


def test_a_representative_sees_only_tasks_and_messages_of_zaken_within_the_machtiging(client):
    covered = ZaakFactory(zaaktype=published_zaaktype(identificatie="ZT-A"), for_bsn=ELS.identifier)
    outside = ZaakFactory(zaaktype=published_zaaktype(identificatie="ZT-B"), for_bsn=ELS.identifier)
    urltaak(party=ELS, titel="Binnen machtiging", is_gerelateerd_aan=zaak_api_url(covered))
    hidden = urltaak(party=ELS, titel="Buiten machtiging", is_gerelateerd_aan=zaak_api_url(outside))
    hidden_message = bericht(
        party=ELS, onderwerp="Geheim", is_gerelateerd_aan=[zaak_api_url(outside)]
    )
    client = _as_representative(client, zaaktypen=["ZT-A"])
    page = _get(client, "taken")
    assert "Binnen machtiging" in page
    assert "Buiten machtiging" not in page
    assert "Geheim" not in _get(client, "berichten")
    assert (
        client.get(
            reverse("portal:bericht", kwargs={"bericht_uuid": hidden_message.uuid})
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("payments:start", kwargs={"taak_uuid": hidden.uuid})).status_code == 404
    )


@pytest.mark.parametrize("page", ["overview", "taken", "berichten"])
def test_page_queries_do_not_grow_with_tasks_and_messages(login_as, zaak, page):
    client = login_as(SUZANNE.identifier)
    url = zaak_api_url(zaak)
    betaaltaak(party=SUZANNE, is_gerelateerd_aan=url)
    bericht(party=SUZANNE, is_gerelateerd_aan=[url])
    few = _queries(client, page)
    for number in range(8):
        betaaltaak(party=SUZANNE, titel=f"Taak {number}", is_gerelateerd_aan=url)
        urltaak(party=SUZANNE, titel=f"Formulier {number}", is_gerelateerd_aan=url)
        bericht(party=SUZANNE, onderwerp=f"Bericht {number}", is_gerelateerd_aan=[url])
    assert _queries(client, page) == few


def test_every_new_page_needs_a_login():
    client = Client()
    for name in ("overview", "taken", "berichten", "contactmomenten"):
        response = client.get(reverse(f"portal:{name}"))
        assert response.status_code == 302
        assert "next=" in response["Location"]
    assert not Bericht.objects.exists()


def test_the_home_page_does_not_repeat_tasks_as_messages_or_count_zero(login_as):
    # Issue 21: a task also listed as its announcing message, and "U hebt 0 nieuwe berichten".
    client = login_as(SUZANNE.identifier)
    page = _get(client, "overview")
    assert "0 nieuwe berichten" not in page
    taak = betaaltaak(party=SUZANNE, titel="Leges paspoort")
    bericht(party=SUZANNE, onderwerp="Betaal uw leges", taak=taak)
    bericht(party=SUZANNE, onderwerp="Uw aanvraag is binnen")
    page = _get(client, "overview")
    messages = page.split('id="messages-heading"')[1]
    assert "Uw aanvraag is binnen" in messages
    assert "Betaal uw leges" not in messages
    # The menu counts the unread messages.
    menu = page.split('class="portal-header__nav"')[1].split("</nav>")[0]
    assert 'portal-badge">2<' in menu
