"""Klantcontacten, zaakcontactmomenten, zaakverzoeken, zaaknotities, zaaknummer reservation
and changing a zaakeigenschap: shaped as the official Zaken API 1.7 spec says."""

from __future__ import annotations

import pytest

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.models import AuditTrail, Zaak
from mijnservices.registrations.zaken.tests.api_helpers import (
    BASE,
    add_contacts,
    zaak_url,
    zaken_client,
)
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import (
    ZaakFactory,
    published_zaaktype,
    published_zaaktype_with_relations,
)

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def zaak():
    return ZaakFactory(zaaktype=published_zaaktype(), for_bsn="999993653")


@pytest.fixture
def client(zaak):
    return zaken_client(
        zaaktypen={zaak.zaaktype: (["zaken.lezen", "zaken.bijwerken", "zaken.aanmaken"], "geheim")}
    )


def test_klantcontact_is_created_listed_and_read(client, zaak):
    created = client.post(
        f"{BASE}/klantcontacten",
        {
            "zaak": zaak_url(zaak),
            "datumtijd": "2026-11-20T10:00:00Z",
            "kanaal": "telefoon",
            "onderwerp": "Vraag over de status",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("zaken", created)
    body = created.json()
    assert len(body["identificatie"]) <= 14
    listed = client.get(f"{BASE}/klantcontacten", {"zaak": zaak_url(zaak)})
    assert_matches_official_spec("zaken", listed)
    assert [item["url"] for item in listed.json()["results"]] == [body["url"]]
    read = client.get(body["url"])
    assert_matches_official_spec("zaken", read)
    assert read.json()["onderwerp"] == "Vraag over de status"
    assert AuditTrail.objects.filter(zaak=zaak, resource="klantcontact").count() == 1


@pytest.mark.parametrize(
    ("collection", "field", "value"),
    [
        ("zaakcontactmomenten", "contactmoment", "https://kic.example/klantcontacten/1"),
        ("zaakverzoeken", "verzoek", "https://vrc.example/verzoeken/1"),
    ],
)
def test_relation_is_created_once_listed_filtered_and_deleted(
    client, zaak, collection, field, value
):
    payload = {"zaak": zaak_url(zaak), field: value}
    created = client.post(f"{BASE}/{collection}", payload, content_type=JSON)
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("zaken", created)
    again = client.post(f"{BASE}/{collection}", payload, content_type=JSON)
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["code"] == "unique"
    assert_matches_official_spec("zaken", again)

    listed = client.get(f"{BASE}/{collection}", {field: value})
    assert_matches_official_spec("zaken", listed)
    assert [item[field] for item in listed.json()] == [value]  # a plain array
    assert client.get(f"{BASE}/{collection}", {field: "https://x.example/2"}).json() == []

    url = created.json()["url"]
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    actions = OutboxEvent.objects.filter(
        resource=collection[:-2] if collection.endswith("en") else collection
    )
    assert list(actions.values_list("actie", flat=True)) == ["create", "destroy"]


def test_zaaknotitie_lifecycle_with_filters(client, zaak):
    created = client.post(
        f"{BASE}/zaaknotities",
        {
            "gerelateerdAan": zaak_url(zaak),
            "onderwerp": "Terugbelverzoek",
            "tekst": "Mevrouw belt morgen terug.",
            "aangemaaktDoor": "KCC",
            "notitieType": "extern",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("zaken", created)
    body = created.json()
    assert body["status"] == "concept"

    patched = client.patch(body["url"], {"status": "definitief"}, content_type=JSON)
    assert patched.status_code == 200, patched.json()
    assert_matches_official_spec("zaken", patched)
    assert patched.json()["status"] == "definitief"

    found = client.get(f"{BASE}/zaaknotities", {"tekst__icontains": "terug", "pageSize": 1})
    assert_matches_official_spec("zaken", found)
    assert found.json()["count"] == 1
    assert client.get(f"{BASE}/zaaknotities", {"notitieType": "intern"}).json()["count"] == 0
    assert client.get(f"{BASE}/zaaknotities", {"notitieType": "x"}).status_code == 400

    other = ZaakFactory(zaaktype=zaak.zaaktype)
    moved = client.patch(body["url"], {"gerelateerdAan": zaak_url(other)}, content_type=JSON)
    assert moved.status_code == 400
    assert client.delete(body["url"]).status_code == 204


def test_zaaknummer_reserveren_gives_numbers_never_issued_again(client, zaak):
    one = client.post(
        f"{BASE}/zaaknummer_reserveren", {"bronorganisatie": "002220647"}, content_type=JSON
    )
    assert one.status_code == 201, one.json()
    reserved = one.json()["zaaknummer"]
    many = client.post(
        f"{BASE}/zaaknummer_reserveren",
        {"bronorganisatie": "002220647", "aantal": 3},
        content_type=JSON,
    )
    assert many.status_code == 201
    assert_matches_official_spec("zaken", many)
    numbers = [item["zaaknummer"] for item in many.json()]
    assert len(set([*numbers, reserved])) == 4

    generated = ZaakFactory(zaaktype=zaak.zaaktype, bronorganisatie="002220647")
    assert generated.identificatie not in [*numbers, reserved]
    named = services.zaak_create(
        zaaktype=zaak.zaaktype,
        startdatum=zaak.startdatum,
        bronorganisatie="002220647",
        identificatie=reserved,
    )
    assert named.identificatie == reserved

    bad = client.post(
        f"{BASE}/zaaknummer_reserveren", {"bronorganisatie": "123456789"}, content_type=JSON
    )
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "bronorganisatie"


def test_zaakeigenschap_waarde_changes_and_the_eigenschap_is_deleted():
    zaaktype = published_zaaktype_with_relations(identificatie="ZT-EIG")
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn="999993653")
    eigenschap = zaaktype.eigenschappen.get()
    zaakeigenschap = services.zaakeigenschap_create(
        zaak=zaak, eigenschap=eigenschap, waarde="AB-12-CD"
    )
    client = zaken_client(zaaktypen={zaaktype: (["zaken.lezen", "zaken.bijwerken"], "geheim")})
    url = f"{BASE}/zaken/{zaak.uuid}/zaakeigenschappen/{zaakeigenschap.uuid}"

    patched = client.patch(url, {"waarde": "XY-99-ZZ"}, content_type=JSON)
    assert patched.status_code == 200, patched.json()
    assert_matches_official_spec("zaken", patched)
    assert patched.json()["waarde"] == "XY-99-ZZ"

    current = client.get(url).json()
    put = client.put(url, {**current, "waarde": "QQ-11-QQ"}, content_type=JSON)
    assert put.status_code == 200, put.json()
    assert_matches_official_spec("zaken", put)

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert list(
        AuditTrail.objects.filter(zaak=zaak, resource="zaakeigenschap").values_list(
            "actie", flat=True
        )
    ) == ["partial_update", "update", "destroy"]


def test_a_reader_cannot_write_the_new_resources(zaak):
    reader = zaken_client(
        client_id="reader", zaaktypen={zaak.zaaktype: (["zaken.lezen"], "geheim")}
    )
    payload = {"zaak": zaak_url(zaak), "verzoek": "https://vrc.example/verzoeken/9"}
    assert reader.post(f"{BASE}/zaakverzoeken", payload, content_type=JSON).status_code == 403
    assert (
        reader.post(
            f"{BASE}/zaaknummer_reserveren", {"bronorganisatie": "002220647"}, content_type=JSON
        ).status_code
        == 403
    )


def test_details_of_an_invisible_zaak_answer_403(zaak):
    add_contacts(zaak, 1)
    other_type = published_zaaktype(identificatie="ZT-OTHER")
    outsider = zaken_client(
        client_id="outsider", zaaktypen={other_type: (["zaken.lezen"], "geheim")}
    )
    for model_name in ("klantcontacten", "zaakcontactmomenten", "zaakverzoeken", "notities"):
        obj = getattr(Zaak.objects.get(pk=zaak.pk), model_name).get()
        collection = "zaaknotities" if model_name == "notities" else model_name
        assert outsider.get(f"{BASE}/{collection}/{obj.uuid}").status_code == 403
    assert outsider.get(f"{BASE}/zaaknotities").json()["count"] == 0
