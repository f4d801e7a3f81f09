"""The Notificaties API 1.0.1: kanalen, abonnementen (with a test notificatie to a real
subscriber) and publishing. Every response is validated against the official spec."""

from __future__ import annotations

import time
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.dateparse import parse_datetime

from mijnservices.core.worker import Worker
from mijnservices.registrations.catalogi.models import ResultaatType, RolType, StatusType
from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.delivery import deliveries_send_due
from mijnservices.registrations.notificaties.models import Abonnement, Delivery, Notificatie
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.services import related as zaken_related
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.factories import published_zaaktype_with_relations
from mijnservices.testing.subscriber import Subscriber

pytestmark = pytest.mark.django_db
BASE = "/notificaties/api/v1"
CT = "application/json"
CONSUME = "notificaties.consumeren"
PUBLISH = "notificaties.publiceren"


def nrc_client(*scopes: str, client_id: str = "nrc-client"):
    return api_client(
        client_id=client_id, autorisaties=[{"component": "nrc", "scopes": list(scopes)}]
    )


@pytest.fixture
def client():
    return nrc_client(CONSUME, PUBLISH)


def call(client, method, path, body=None):
    url = path if path.startswith("http") else f"{BASE}/{path}"
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, content_type=CT)
    if path == "notificaties" and response.status_code != 200:
        # The official POST /notificaties documents only 200: errors are checked as problems.
        assert response["Content-Type"].startswith("application/problem+json")
    else:
        assert_matches_official_spec("notificaties", response)
    return response


def abonnement_body(url, kanaal="zaken", auth="Bearer geheim", filters=None):
    return {
        "callbackUrl": url,
        "auth": auth,
        "kanalen": [{"naam": kanaal, "filters": filters or {}}],
    }


# --- kanalen -------------------------------------------------------------------------


def test_kanaal_list_filter_read_and_create(client):
    listed = call(client, "get", "kanaal")
    assert listed.status_code == 200
    assert "zaken" in {k["naam"] for k in listed.json()}

    only = call(client, "get", "kanaal?naam=zaken").json()
    assert [k["naam"] for k in only] == ["zaken"]

    created = call(client, "post", "kanaal", {"naam": "extern", "filters": ["soort"]})
    assert created.status_code == 201
    detail = call(client, "get", created.json()["url"])
    assert detail.json() == {"url": created.json()["url"], "naam": "extern", "filters": ["soort"]}

    again = call(client, "post", "kanaal", {"naam": "extern"})
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["code"] == "unique"


# --- abonnementen --------------------------------------------------------------------


def test_abonnement_crud_with_test_notificatie_and_auth_never_shown(client, subscriber):
    created = call(client, "post", "abonnement", abonnement_body(subscriber.url))
    assert created.status_code == 201, created.json()
    body = created.json()
    assert "auth" not in body
    assert body["kanalen"] == [{"naam": "zaken", "filters": {}}]
    (test,) = subscriber.snapshot()  # the test notificatie, with the subscriber's auth
    assert test.body["kanaal"] == "test" and test.authorization == "Bearer geheim"
    abonnement = Abonnement.objects.get()
    assert abonnement.auth == "Bearer geheim" and abonnement.client_id == "nrc-client"

    for response in (call(client, "get", body["url"]), call(client, "get", "abonnement")):
        assert response.status_code == 200
        assert "auth" not in str(response.content) and "geheim" not in str(response.content)

    put = call(
        client,
        "put",
        body["url"],
        abonnement_body(subscriber.url, auth="Bearer nieuw", filters={"bronorganisatie": "1"}),
    )
    assert put.status_code == 200 and "auth" not in put.json()
    assert put.json()["kanalen"] == [{"naam": "zaken", "filters": {"bronorganisatie": "1"}}]
    assert subscriber.snapshot()[-1].authorization == "Bearer nieuw"

    patched = call(client, "patch", body["url"], {"kanalen": [{"naam": "documenten"}]})
    assert patched.status_code == 200
    assert patched.json()["kanalen"] == [{"naam": "documenten", "filters": {}}]
    abonnement.refresh_from_db()
    assert abonnement.auth == "Bearer nieuw"  # kept when not given

    deleted = call(client, "delete", body["url"])
    assert deleted.status_code == 204
    assert not Abonnement.objects.exists()
    assert call(client, "get", body["url"]).status_code == 404


def test_a_refusing_subscriber_is_refused(client, allow_loopback):
    with Subscriber(status=503) as refusing:
        response = call(client, "post", "abonnement", abonnement_body(refusing.url))
    assert response.status_code == 400
    problem = response.json()
    assert response["Content-Type"].startswith("application/problem+json")
    assert problem["invalidParams"][0]["name"] == "callbackUrl"
    assert problem["invalidParams"][0]["code"] == "invalid-callback-url"
    assert "503" in problem["invalidParams"][0]["reason"]
    assert not Abonnement.objects.exists()


def test_a_refusing_subscriber_blocks_an_update(client, subscriber):
    url = call(client, "post", "abonnement", abonnement_body(subscriber.url)).json()["url"]
    subscriber.status = 500
    response = call(client, "patch", url, {"auth": "Bearer ander"})
    assert response.status_code == 400
    assert Abonnement.objects.get().auth == "Bearer geheim"


def test_the_callback_policy_applies_without_the_loopback_allow_list(client):
    with Subscriber() as running:
        response = call(client, "post", "abonnement", abonnement_body(running.url))
        assert running.snapshot() == []  # refused before anything is sent
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "invalid-callback-url"


def test_an_unknown_kanaal_is_refused(client, subscriber):
    response = call(client, "post", "abonnement", abonnement_body(subscriber.url, kanaal="nope"))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "kanaal-not-found"


# --- ownership -----------------------------------------------------------------------


def test_another_client_cannot_list_read_change_or_delete_an_abonnement(client, subscriber):
    url = call(client, "post", "abonnement", abonnement_body(subscriber.url)).json()["url"]
    other = nrc_client(CONSUME, PUBLISH, client_id="other-client")
    assert call(other, "get", "abonnement").json() == []
    assert call(other, "get", url).status_code == 404
    changed = call(other, "patch", url, {"callbackUrl": subscriber.url, "auth": "Bearer x"})
    assert changed.status_code == 404
    assert call(other, "delete", url).status_code == 404
    abonnement = Abonnement.objects.get()
    assert abonnement.auth == "Bearer geheim" and abonnement.client_id == "nrc-client"


def test_a_new_callback_url_without_a_new_auth_is_refused(client, allow_loopback):
    with Subscriber() as first, Subscriber() as second:
        url = call(client, "post", "abonnement", abonnement_body(first.url)).json()["url"]
        response = call(client, "patch", url, {"callbackUrl": second.url})
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "auth"
        assert second.snapshot() == []  # the owner's auth never went to the new URL
        moved = call(client, "patch", url, {"callbackUrl": second.url, "auth": "Bearer twee"})
        assert moved.status_code == 200
        assert second.snapshot()[-1].authorization == "Bearer twee"
    assert Abonnement.objects.get().auth == "Bearer twee"


def test_a_new_callback_url_drops_the_private_network_approval(client, subscriber, settings):
    url = call(client, "post", "abonnement", abonnement_body(subscriber.url)).json()["url"]
    Abonnement.objects.update(allow_private_network=True)
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = []
    with Subscriber() as other:
        response = call(client, "patch", url, {"callbackUrl": other.url, "auth": "Bearer b"})
        assert other.snapshot() == []
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "invalid-callback-url"
    assert Abonnement.objects.get().allow_private_network is True  # unchanged: refused


# --- scopes --------------------------------------------------------------------------


def test_scopes(subscriber):
    publisher = nrc_client(PUBLISH, client_id="publisher")
    consumer = nrc_client(CONSUME, client_id="consumer")
    nobody = nrc_client(client_id="nobody")

    assert call(nobody, "get", "kanaal").status_code == 403
    assert call(nobody, "get", "abonnement").status_code == 403
    assert call(consumer, "get", "kanaal").status_code == 200
    assert call(publisher, "get", "abonnement").status_code == 200
    assert call(consumer, "post", "kanaal", {"naam": "x"}).status_code == 403
    assert call(publisher, "post", "kanaal", {"naam": "x"}).status_code == 201
    body = abonnement_body(subscriber.url)
    assert call(publisher, "post", "abonnement", body).status_code == 403
    url = call(consumer, "post", "abonnement", body).json()["url"]
    assert call(publisher, "patch", url, {"auth": "x"}).status_code == 403
    assert call(publisher, "delete", url).status_code == 403
    message = _message()
    assert call(consumer, "post", "notificaties", message).status_code == 403
    assert call(publisher, "post", "notificaties", message).status_code == 200


# --- publishing ----------------------------------------------------------------------


def _message(**extra):
    return {
        "kanaal": "zaken",
        "hoofdObject": "https://extern.example/zaken/api/v1/zaken/1",
        "resource": "zaak",
        "resourceUrl": "https://extern.example/zaken/api/v1/zaken/1",
        "actie": "create",
        "aanmaakdatum": "2026-01-10T10:00:00Z",
        "kenmerken": {"bronorganisatie": "002220647"},
        **extra,
    }


def test_publish_stores_and_delivers_through_the_worker(client, subscriber):
    services.abonnement_create(
        callback_url=subscriber.url, auth="Bearer s", kanalen=[{"naam": "zaken"}]
    )
    services.abonnement_create(
        callback_url=subscriber.url,
        kanalen=[{"naam": "zaken", "filters": {"bronorganisatie": "999999999"}}],
    )
    response = call(client, "post", "notificaties", _message())
    assert response.status_code == 200
    echoed = response.json()
    assert parse_datetime(echoed.pop("aanmaakdatum")) == parse_datetime("2026-01-10T10:00:00Z")
    assert echoed == {k: v for k, v in _message().items() if k != "aanmaakdatum"}
    notificatie = Notificatie.objects.get()
    assert Delivery.objects.filter(notificatie=notificatie).count() == 1  # filter applied

    _drain(Worker(), subscriber, 1)
    (received,) = subscriber.snapshot()
    assert received.id == str(notificatie.id)
    assert received.body == _message()


def test_publish_on_an_unknown_kanaal_is_refused(client):
    response = call(client, "post", "notificaties", _message(kanaal="onbekend"))
    assert response.status_code == 400
    assert not Notificatie.objects.exists()


# --- queries -------------------------------------------------------------------------


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert call(client, "get", path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["kanaal", "abonnement"])
def test_list_queries_do_not_grow(client, allow_loopback, path):
    def make(count):
        for _ in range(count):
            kanaal = services.kanaal_create(naam=f"k{Notificatie.objects.count()}-{time.time_ns()}")
            services.abonnement_create(
                callback_url="http://127.0.0.1:9/n",
                client_id="nrc-client",
                kanalen=[{"naam": kanaal.naam}, {"naam": "zaken", "filters": {"a": "b"}}],
            )

    make(1)
    one = _count(client, path)
    make(29)
    assert _count(client, path) == one


# --- end to end ----------------------------------------------------------------------


def _drain(worker, subscriber, count, timeout=30.0):
    deadline = time.monotonic() + timeout
    while len(subscriber.ids()) < count and time.monotonic() < deadline:
        if worker.run_round() == 0:
            time.sleep(0.05)


def test_a_subscriber_registered_through_the_api_follows_a_whole_zaak(client, subscriber, settings):
    settings.SITE_URL = "http://testserver"
    registered = call(client, "post", "abonnement", abonnement_body(subscriber.url))
    assert registered.status_code == 201
    worker = Worker()
    _drain(worker, subscriber, 1)  # nothing pending yet but the test notificatie
    before = len(subscriber.snapshot())

    zaaktype = published_zaaktype_with_relations()
    first, last = StatusType.objects.filter(zaaktype=zaaktype).order_by("volgnummer")
    zaak = zaken.zaak_create(zaaktype=zaaktype, startdatum=date(2026, 1, 5))
    zaken.status_set(zaak=zaak, statustype=first)
    zaken.rol_create(
        zaak=zaak,
        roltype=RolType.objects.get(zaaktype=zaaktype),
        betrokkene_type="natuurlijk_persoon",
        inp_bsn="111222333",
    )
    zaken_related.zaakinformatieobject_create(
        zaak=zaak,
        informatieobject="https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/1",
    )
    zaken.resultaat_create(zaak=zaak, resultaattype=ResultaatType.objects.get(zaaktype=zaaktype))
    zaken.status_set(zaak=zaak, statustype=last)

    _drain(worker, subscriber, before + 6)
    received = [r.body for r in subscriber.snapshot()[before:]]
    assert [(m["resource"], m["actie"]) for m in received] == [
        ("zaak", "create"),
        ("status", "create"),
        ("rol", "create"),
        ("zaakinformatieobject", "create"),
        ("resultaat", "create"),
        ("status", "create"),
    ]
    zaak_url = f"http://testserver/zaken/api/v1/zaken/{zaak.uuid}"
    for message in received:
        assert message["kanaal"] == "zaken"
        assert message["hoofdObject"] == zaak_url
        assert message["kenmerken"]["bronorganisatie"] == zaak.bronorganisatie
        assert message["kenmerken"]["zaaktype"].endswith(f"/zaaktypen/{zaaktype.uuid}")
        assert (
            message["kenmerken"]["vertrouwelijkheidaanduiding"] == zaak.vertrouwelijkheidaanduiding
        )
    deliveries_send_due()  # the worker records the last outcomes in its next round
    assert all(d.status == "delivered" for d in Delivery.objects.all())


# --- kenmerken keep their keys (decision 0032) ----------------------------------------


def test_an_abonnement_filter_on_verantwoordelijke_organisatie_matches_besluiten(
    client, subscriber
):
    services.kanalen_seed()
    body = abonnement_body(
        subscriber.url, kanaal="besluiten", filters={"verantwoordelijkeOrganisatie": "002220647"}
    )
    response = call(client, "post", "abonnement", body)
    assert response.status_code == 201, response.content
    assert response.json()["kanalen"][0]["filters"] == {"verantwoordelijkeOrganisatie": "002220647"}
    abonnement = Abonnement.objects.get()
    # Stored under the kenmerk's own name, as the besluiten kanaal sends it.
    assert abonnement.kanalen.get().filters == {"verantwoordelijkeOrganisatie": "002220647"}
    kenmerken = {"verantwoordelijkeOrganisatie": "002220647", "besluittype": "x"}
    published = call(
        client, "post", "notificaties", _message(kanaal="besluiten", kenmerken=kenmerken)
    )
    assert published.status_code == 200
    assert Delivery.objects.filter(abonnement=abonnement).count() == 1


def test_kenmerken_of_a_published_notificatie_are_forwarded_with_their_keys_unchanged(client):
    kenmerken = {"verantwoordelijkeOrganisatie": "002220647", "eigen_kenmerk": "ja"}
    response = call(client, "post", "notificaties", _message(kenmerken=kenmerken))
    assert response.status_code == 200
    assert response.json()["kenmerken"] == kenmerken
    assert Notificatie.objects.get().message()["kenmerken"] == kenmerken
