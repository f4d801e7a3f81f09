"""POST /zaken (decision 0045): the same answer as the serializer's, without savepoints,
per-request deep copies of the fields or a query for a published zaaktype."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework import fields as drf_fields
from rest_framework.serializers import BaseSerializer

from mijnservices.core.process_cache import changed
from mijnservices.registrations.catalogi import selectors as catalogi_selectors
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.api import lean
from mijnservices.registrations.zaken.models import AuditTrail, Zaak
from mijnservices.registrations.zaken.tests.api_helpers import (
    BASE,
    zaak_url,
    zaaktype_url,
    zaken_client,
)
from mijnservices.testing.factories import (
    ZaakFactory,
    published_zaaktype,
    published_zaaktype_with_relations,
)

pytestmark = pytest.mark.django_db


def _body(zaaktype: Any, **extra: Any) -> dict[str, Any]:
    return {
        "zaaktype": zaaktype_url(zaaktype),
        "bronorganisatie": "517439943",
        "verantwoordelijkeOrganisatie": "517439943",
        "startdatum": str(timezone.localdate()),
        **extra,
    }


def _post(client: Any, body: dict[str, Any]) -> tuple[Any, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"{BASE}/zaken", body, content_type="application/json")
    assert response.status_code == 201, response.content
    return response, [query["sql"] for query in queries.captured_queries]


def _statements(sql: list[str]) -> list[str]:
    """The data statements (not the transaction's own, not the worker's NOTIFY)."""
    skipped = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT", "NOTIFY")
    return [query for query in sql if not query.upper().startswith(skipped)]


def test_a_created_zaak_is_answered_as_the_serializer_answers_it_without_a_query_more(
    monkeypatch,
):
    products = ["https://pdc.example/producten/1"]
    zaaktype = published_zaaktype_with_relations(suffix="create", producten_of_diensten=products)
    hoofdzaak = ZaakFactory(zaaktype=zaaktype)
    client = zaken_client(client_id="alle", alles=True)
    body = _body(
        zaaktype,
        hoofdzaak=zaak_url(hoofdzaak),
        productenOfDiensten=products,
        kenmerken=[{"kenmerk": "K-9", "bron": "Web"}],
        relevanteAndereZaken=[
            {
                "url": zaak_url(hoofdzaak).replace("testserver", "localhost"),
                "aardRelatie": "vervolg",
            }
        ],
        zaakgeometrie={"coordinates": [5.1, 52.1], "type": "Point"},
        opschorting={"indicatie": True, "reden": "Wacht"},
        verlenging={"reden": "Drukte", "duur": "P14D"},
        processobject={
            "datumkenmerk": "registratiedatum",
            "identificatie": "P-1",
            "objecttype": "zaak",
            "registratie": "ZRC",
        },
        betalingsindicatie="gedeeltelijk",
        laatsteBetaaldatum="2026-06-30T22:15:01Z",
        vertrouwelijkheidaanduiding="beperkt_openbaar",
        archiefnominatie=None,
        processobjectaard=None,
        omschrijving="Met ü, € en \u2028",
    )
    _post(client, body)  # the client's credentials are read once, then kept

    def serializer_only(self: Any, row: Any, linked: Any) -> Any:
        raise lean.Fallback

    with monkeypatch.context() as patch:
        patch.setattr(lean.Representer, "represent", serializer_only)
        reference, reference_sql = _post(client, body)
    answer, sql = _post(client, body)
    expected = reference.json()
    for key in ("url", "uuid", "identificatie"):  # another zaak
        expected[key] = answer.json()[key]
    assert json.dumps(answer.json()) == json.dumps(expected)
    assert answer["Location"] == answer.json()["url"]
    # The audit trail keeps the same representation.
    trail = AuditTrail.objects.get(resource_url=answer.json()["url"])
    reference_trail = AuditTrail.objects.get(resource_url=reference.json()["url"])
    assert json.dumps(trail.nieuw) == json.dumps(
        {**reference_trail.nieuw, **{k: trail.nieuw[k] for k in ("url", "uuid", "identificatie")}}
    )
    # The serializer's way reads the new zaak's (empty) children back in one query.
    assert len(sql) == len(reference_sql) - 1


@pytest.mark.django_db(transaction=True)
def test_a_create_opens_no_savepoint_and_writes_four_rows(settings):
    settings.API_CLIENT_CACHE_SECONDS = 3600  # the client is read once, then kept
    zaaktype = published_zaaktype()
    client = zaken_client(client_id="alle", alles=True)
    _post(client, _body(zaaktype))  # credentials, the zaaktype cache
    _, sql = _post(client, _body(zaaktype))
    assert not [query for query in sql if "SAVEPOINT" in query.upper()]
    # The counter, the zaak, the outbox event and the audit trail; nothing read.
    statements = _statements(sql)
    assert [query.split()[0].upper() for query in statements] == ["INSERT"] * 4, statements


def test_the_zaaktype_of_a_create_is_read_once_per_process():
    zaaktype = published_zaaktype()
    client = zaken_client(client_id="alle", alles=True)
    _post(client, _body(zaaktype))
    _, sql = _post(client, _body(zaaktype))
    assert not [query for query in sql if ZaakType._meta.db_table in query]


def test_a_zaaktype_changed_in_another_process_is_read_again():
    zaaktype = published_zaaktype()
    client = zaken_client(client_id="alle", alles=True)
    first, _ = _post(client, _body(zaaktype))
    assert first.json()["vertrouwelijkheidaanduiding"] == zaaktype.vertrouwelijkheidaanduiding
    # Another process changes the row and moves the generation (no signal in this one).
    ZaakType.objects.filter(pk=zaaktype.pk).update(vertrouwelijkheidaanduiding="geheim")
    changed(catalogi_selectors.ZAAKTYPEN)
    second, _ = _post(client, _body(zaaktype))
    assert second.json()["vertrouwelijkheidaanduiding"] == "geheim"


def test_a_saved_or_deleted_zaaktype_empties_the_cache():
    zaaktype = published_zaaktype()
    assert catalogi_selectors.published_zaaktype(zaaktype.uuid) is not None
    zaaktype.omschrijving = "Anders"
    zaaktype.save()
    assert catalogi_selectors.published_zaaktype(zaaktype.uuid).omschrijving == "Anders"
    other = published_zaaktype()
    other_uuid = other.uuid
    assert catalogi_selectors.published_zaaktype(other_uuid) is not None
    ZaakType.objects.filter(pk=other.pk).delete()
    assert catalogi_selectors.published_zaaktype(other_uuid) is None


def test_a_concept_or_unknown_zaaktype_is_not_cached_and_answers_as_before():
    zaaktype = published_zaaktype()
    ZaakType.objects.filter(pk=zaaktype.pk).update(concept=True)
    changed(catalogi_selectors.ZAAKTYPEN)
    client = zaken_client(client_id="alle", alles=True)
    response = client.post(f"{BASE}/zaken", _body(zaaktype), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "not-published"
    unknown = {
        **_body(zaaktype),
        "zaaktype": zaaktype_url(zaaktype).replace(str(zaaktype.uuid), str(uuid.uuid4())),
    }
    response = client.post(f"{BASE}/zaken", unknown, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "bad-url"


def test_a_cached_zaaktype_is_a_copy_of_its_own():
    zaaktype = published_zaaktype()
    first = catalogi_selectors.published_zaaktype(zaaktype.uuid)
    second = catalogi_selectors.published_zaaktype(zaaktype.uuid)
    assert first is not None and second is not None
    assert first is not second and first._state is not second._state
    assert first.pk == second.pk == zaaktype.pk


def test_a_create_deep_copies_no_serializer_field(monkeypatch):
    zaaktype = published_zaaktype()
    client = zaken_client(client_id="alle", alles=True)
    body = _body(zaaktype, kenmerken=[{"kenmerk": "K-1", "bron": "Web"}])
    _post(client, body)  # the field prototypes are built on the first request
    copied: list[type[Any]] = []
    original = drf_fields.Field.__deepcopy__

    def counting(self: Any, memo: Any) -> Any:
        copied.append(type(self))
        return original(self, memo)

    monkeypatch.setattr(drf_fields.Field, "__deepcopy__", counting)
    _post(client, body)
    # Only nested groups (verlenging, kenmerken, ...) are made again, their fields cached too.
    assert copied
    assert all(issubclass(kind, BaseSerializer) for kind in copied), copied


def test_a_refused_create_writes_nothing():
    zaaktype = published_zaaktype()
    taken = ZaakFactory(zaaktype=zaaktype)
    client = zaken_client(client_id="alle", alles=True)
    before = (Zaak.objects.count(), AuditTrail.objects.count())
    response = client.post(
        f"{BASE}/zaken",
        _body(zaaktype, bronorganisatie=taken.bronorganisatie, identificatie=taken.identificatie),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert (Zaak.objects.count(), AuditTrail.objects.count()) == before
