"""External zaken end to end, with real parts: a second MijnServices process is the gemeente's
existing zaaksysteem (its own database, real HTTP on loopback). Zaken created there through its
Zaken API are projected here for the party that logs in, refreshed by a notificatie, shown in
MijnZaken and the KCC, and never served by our own APIs (decision 0029)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mijnservices.core.identity import Citizen, Employee, Party
from mijnservices.core.models import OutboxEvent
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.reconcile import projected_zaken_reconcile
from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.integration.zgw.sync import READ_ACTIVITEIT, zaken_sync_for_party
from mijnservices.registrations.notificaties.models import Notificatie
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.services import pseudonym
from mijnservices.registrations.zaken.models import Rol, Status, Zaak
from mijnservices.services.casework.selectors import zaken_of_party
from mijnservices.services.mijnzaken.selectors import zaak_for_detail, zaken_for_overview
from mijnservices.services.mijnzaken.tracking import build_tracking
from mijnservices.services.notifications.external import external_process_due
from mijnservices.services.notifications.models import ExternalSource, Notification, Trigger
from mijnservices.services.notifications.tests.conftest import drain, with_email
from mijnservices.testing.api import api_client
from mijnservices.testing.employees import release_for_kcc
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET, SourceProcess

SUZANNE = Party(kind="bsn", identifier="999993653")
KEES = Party(kind="bsn", identifier="999992570")
KCC = Employee(user_id=1, username="kcc", roles=frozenset({"kcc"}))
WEBHOOK = "/notificatieservice/zgw/webhook/"


def _register(source: SourceProcess, **fields: object) -> ZgwSource:
    return zgw_source_add(
        naam="openzaak",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        client_id=CLIENT_ID,
        secret=SECRET,
        **fields,  # type: ignore[arg-type]
    )


def _published() -> list[str]:
    """What our Notificaties API published about zaken and their types."""
    kanalen = ("zaken", "zaaktypen", "catalogi")
    return list(Notificatie.objects.filter(kanaal__in=kanalen).values_list("resource", flat=True))


def _counts() -> tuple[int, int, int, int]:
    return (Zaak.objects.count(), Status.objects.count(), Rol.objects.count(),
            OutboxEvent.objects.count())  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_citizen_sees_her_zaak_from_the_existing_zaaksysteem_and_hears_of_a_new_status(
    source, settings
):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    types = source.published_zaaktype("ZT-EXTERN-1")
    at_source = source.zaak_for(types, SUZANNE.identifier, "Parkeervergunning Suzanne")
    source.zaak_for(types, KEES.identifier, "Parkeervergunning Kees")
    zgw = _register(source)

    result = zaken_sync_for_party(source=zgw, party=SUZANNE)

    assert result.ok, result.error
    [zaak] = result.projected
    suzanne = Citizen(actor=SUZANNE, auth_method="digid")
    [shown] = zaken_for_overview(suzanne)
    assert shown.pk == zaak.pk
    assert shown.identificatie == at_source["identificatie"]
    assert shown.status.statustype.omschrijving == "Ontvangen"
    detail = zaak_for_detail(suzanne, zaak.uuid)
    steps = build_tracking(detail).steps
    assert [step.title for step in steps] == ["Ontvangen", "In behandeling", "Afgerond"]
    # Our read at the source is in the verwerkingenlogging, under a pseudonym.
    actie = Verwerkingsactie.objects.get(actie_naam=READ_ACTIVITEIT)
    assert [o.object_pseudonym for o in actie.verwerkte_objecten.all()] == [
        pseudonym("bsn", SUZANNE.identifier)
    ]
    # A zaak of another BSN is neither projected nor shown.
    assert Zaak.objects.count() == 1
    assert not zaken_for_overview(Citizen(actor=KEES, auth_method="digid")).exists()
    # The KCC finds it in the klantbeeld.
    release_for_kcc("ZT-EXTERN-1")
    assert list(zaken_of_party(KCC, SUZANNE)) == [zaak]

    # Idempotent: syncing again changes nothing.
    before = _counts()
    assert zaken_sync_for_party(source=zgw, party=SUZANNE).ok
    assert _counts() == before

    # Our own APIs neither serve the projection nor accept writes to it; our Notificaties
    # API does not publish its changes.
    ours = api_client(client_id="eigen-api", heeft_alle_autorisaties=True)
    listed = ours.get("/zaken/api/v1/zaken", headers={"Accept-Crs": "EPSG:4326"})
    assert listed.json()["count"] == 0
    assert ours.get("/catalogi/api/v1/zaaktypen").json()["count"] == 0
    detail_url = f"/zaken/api/v1/zaken/{zaak.uuid}"
    assert ours.get(detail_url, headers={"Accept-Crs": "EPSG:4326"}).status_code in (403, 404)
    statustype = zaak.zaaktype.statustypen.get(volgnummer=2)
    refused = ours.post(
        "/zaken/api/v1/statussen",
        {
            "zaak": f"http://testserver{detail_url}",
            "statustype": f"http://testserver/catalogi/api/v1/statustypen/{statustype.uuid}",
            "datumStatusGezet": "2026-01-01T10:00:00Z",
        },
        content_type="application/json",
    )
    assert refused.status_code in (400, 403), refused.content
    assert Status.objects.filter(zaak=zaak).count() == 1
    drain()
    assert not _published()

    # The source sets a status and notifies us; the worker refreshes the zaak and the
    # citizen is told, with a link to the zaak's own page.
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    ExternalSource.objects.create(naam="Open Zaak", authorization="Token bron", zgw_source=zgw)
    status = source.status_set(at_source, types["statustypen"][1])
    posted = Client().post(
        WEBHOOK,
        {
            "kanaal": "zaken",
            "hoofdObject": at_source["url"],
            "resource": "status",
            "resourceUrl": status["url"],
            "actie": "create",
            "aanmaakdatum": status["datumStatusGezet"],
            "kenmerken": {},
        },
        content_type="application/json",
        HTTP_AUTHORIZATION="Token bron",
    )
    assert posted.status_code == 204
    assert external_process_due() == 1
    zaak.refresh_from_db()
    assert zaak.status.statustype.omschrijving == "In behandeling"
    drain()
    [notification] = Notification.objects.all()
    assert notification.trigger == Trigger.STATUS
    assert f"/mijn-zaken/{zaak.uuid}/" in notification.tekst
    assert not _published()

    # A notificatie that never came: the periodic reconciliation catches the closing status.
    source.post(
        "zaken",
        "resultaten",
        {"zaak": at_source["url"], "resultaattype": types["resultaattype"]["url"]},
    )
    source.status_set(at_source, types["statustypen"][2])
    ProjectedZaak.objects.filter(zaak=zaak).update(last_synced=timezone.now() - timedelta(days=1))
    assert projected_zaken_reconcile() == 1
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"
    drain()
    assert Notification.objects.filter(trigger=Trigger.ZAAK_AFGESLOTEN).exists()
    synced = ProjectedZaak.objects.get(zaak=zaak).last_synced

    # The source is down: a sync fails cleanly and the last state stays.
    source.stop()
    failed = zaken_sync_for_party(source=zgw, party=SUZANNE)
    assert not failed.ok
    assert "did not answer" in failed.error
    zgw.refresh_from_db()
    assert zgw.last_error
    assert zaken_for_overview(suzanne).get().status.statustype.omschrijving == "Afgerond"
    assert projected_zaken_reconcile() == 0  # nothing stale; and a down source is skipped
    assert ProjectedZaak.objects.get(zaak=zaak).last_synced == synced


@pytest.mark.django_db(transaction=True)
def test_logging_in_reads_the_zaken_from_the_source_and_the_page_says_when(source, settings):
    settings.DEMO_MODE = True
    settings.ZGW_SOURCE_LOGIN_WAIT_MS = 30_000  # generous on a loaded machine; it ends sooner
    types = source.published_zaaktype("ZT-EXTERN-LOGIN")
    source.zaak_for(types, SUZANNE.identifier, "Bij inloggen gelezen")
    _register(source)

    browser = Client()
    browser.post("/inloggen/demo/", {"bsn": SUZANNE.identifier})
    overview = browser.get("/mijn-zaken/").content.decode()
    assert "Bij inloggen gelezen" in overview
    zaak = Zaak.objects.get(omschrijving="Bij inloggen gelezen")
    detail = browser.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert 'id="last-updated"' in detail
    assert "Laatst bijgewerkt" in detail

    # With the source down, logging in still works and the page shows the last state.
    source.stop()
    again = Client()
    again.post("/inloggen/demo/", {"bsn": SUZANNE.identifier})
    overview = again.get("/mijn-zaken/").content.decode()
    assert "Bij inloggen gelezen" in overview
    # ... and says plainly that some of it may be out of date.
    assert 'id="sources-out-of-date"' in overview
    detail = again.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert 'id="last-updated"' in detail
    assert 'id="sources-out-of-date"' in detail

    # Back up: the next sync clears the notice.
    source.start()
    assert zaken_sync_for_party(source=ZgwSource.objects.get(), party=SUZANNE).ok
    assert 'id="sources-out-of-date"' not in again.get("/mijn-zaken/").content.decode()
