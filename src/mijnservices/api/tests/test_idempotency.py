from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.api.idempotency import idempotency_purge
from mijnservices.api.models import IdempotentRequest
from mijnservices.registrations.zaken.models import Status, Zaak
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaaktype_url, zaken_client
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db
CT = "application/json"


def _zaak_body(zaaktype, **extra):
    return json.dumps(
        {
            "zaaktype": zaaktype_url(zaaktype),
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": str(timezone.localdate()),
            **extra,
        }
    )


def _post(client, path, body, key):
    return client.post(f"{BASE}/{path}", body, content_type=CT, HTTP_IDEMPOTENCY_KEY=key)


def test_the_same_post_with_the_same_key_creates_one_zaak_and_replays_the_answer():
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    first = _post(client, "zaken", _zaak_body(zaaktype), "key-1")
    again = _post(client, "zaken", _zaak_body(zaaktype), "key-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert again["Location"] == first["Location"]
    assert Zaak.objects.count() == 1


def test_the_same_status_posted_twice_with_a_key_is_set_once():
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    zaak_url = _post(client, "zaken", _zaak_body(zaaktype), "z").json()["url"]
    statustype = zaaktype.statustypen.order_by("volgnummer").first()
    body = json.dumps(
        {
            "zaak": zaak_url,
            "statustype": f"http://testserver/catalogi/api/v1/statustypen/{statustype.uuid}",
            "datumStatusGezet": timezone.now().isoformat(),
        }
    )
    assert _post(client, "statussen", body, "s-1").status_code == 201
    assert _post(client, "statussen", body, "s-1").status_code == 201
    assert Status.objects.count() == 1


def test_the_same_key_with_another_body_answers_422_and_writes_nothing():
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    _post(client, "zaken", _zaak_body(zaaktype), "key-1")
    other = _post(client, "zaken", _zaak_body(zaaktype, omschrijving="Anders"), "key-1")
    assert other.status_code == 422
    assert other["Content-Type"] == "application/problem+json"
    assert other.json()["code"] == "idempotency-key-reused"
    assert Zaak.objects.count() == 1


def test_a_key_belongs_to_one_client():
    zaaktype = published_zaaktype()
    one = zaken_client(client_id="een", alles=True)
    two = zaken_client(client_id="twee", alles=True)
    assert _post(one, "zaken", _zaak_body(zaaktype), "k").status_code == 201
    assert _post(two, "zaken", _zaak_body(zaaktype), "k").status_code == 201
    assert Zaak.objects.count() == 2


def test_a_refused_write_is_replayed_as_refused():
    client = zaken_client(alles=True)
    body = json.dumps({"zaaktype": "nope"})
    first = _post(client, "zaken", body, "bad")
    assert first.status_code == 400
    assert _post(client, "zaken", body, "bad").json() == first.json()


def test_keys_older_than_the_ttl_are_purged_and_may_be_used_again(settings):
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    _post(client, "zaken", _zaak_body(zaaktype), "old")
    later = timezone.now() + timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    assert idempotency_purge(now=later) == 1
    assert not IdempotentRequest.objects.exists()
    assert _post(client, "zaken", _zaak_body(zaaktype), "old").status_code == 201
    assert Zaak.objects.count() == 2


def test_a_write_without_a_key_is_not_recorded():
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    client.post(f"{BASE}/zaken", _zaak_body(zaaktype), content_type=CT)
    client.post(f"{BASE}/zaken", _zaak_body(zaaktype), content_type=CT)
    assert Zaak.objects.count() == 2
    assert not IdempotentRequest.objects.exists()
