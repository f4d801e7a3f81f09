"""Klantinteracties API 0.9.0: partij-identificatoren, rekeningnummers,
vertegenwoordigingen, categorieën and categorie-relaties; the served schema."""

from __future__ import annotations

import pytest

from mijnservices.registrations.klantinteracties import selectors
from mijnservices.registrations.klantinteracties.models import (
    Categorie,
    PartijIdentificator,
    Rekeningnummer,
    Vertegenwoordiging,
)
from mijnservices.testing import klantinteracties as ki
from mijnservices.testing.api import assert_matches_official_spec

pytestmark = pytest.mark.django_db
BASE = "/klantinteracties/api/v1"
JSON = "application/json"


def ok(response, code=200):
    assert response.status_code == code, response.content
    assert_matches_official_spec("klantinteracties", response)
    return response.json()


def _group(soort, object_id, objecttype, register):
    return {
        "codeObjecttype": objecttype,
        "codeSoortObjectId": soort,
        "objectId": object_id,
        "codeRegister": register,
    }


def test_a_vestigingsnummer_identificator_under_a_kvk_nummer_identifies_the_branch():
    client = ki.kic_client()
    partij = ok(
        client.post(
            f"{BASE}/partijen",
            {"soortPartij": "organisatie", "indicatieActief": True},
            content_type=JSON,
        ),
        201,
    )
    kvk = ok(
        client.post(
            f"{BASE}/partij-identificatoren",
            {
                "identificeerdePartij": {"uuid": partij["uuid"]},
                "partijIdentificator": _group(
                    "kvk_nummer", ki.BRANCH.identifier, "niet_natuurlijk_persoon", "hr"
                ),
            },
            content_type=JSON,
        ),
        201,
    )
    ok(
        client.post(
            f"{BASE}/partij-identificatoren",
            {
                "identificeerdePartij": {"uuid": partij["uuid"]},
                "partijIdentificator": _group(
                    "vestigingsnummer", ki.BRANCH.vestiging, "vestiging", "hr"
                ),
                "subIdentificatorVan": {"uuid": kvk["uuid"]},
            },
            content_type=JSON,
        ),
        201,
    )
    found = selectors.partij_for(ki.BRANCH)
    assert found is not None and str(found.uuid) == partij["uuid"]
    listed = ok(
        client.get(
            f"{BASE}/partij-identificatoren", {"partijIdentificatorCodeSoortObjectId": "kvk_nummer"}
        )
    )
    assert [r["uuid"] for r in listed["results"]] == [kvk["uuid"]]


def test_a_bsn_cannot_hang_under_a_kvk_nummer():
    kvk = ki.partij(ki.BUSINESS).identificatoren.get()
    response = ki.kic_client().post(
        f"{BASE}/partij-identificatoren",
        {
            "partijIdentificator": _group("bsn", "999993653", "natuurlijk_persoon", "brp"),
            "subIdentificatorVan": {"uuid": str(kvk.uuid)},
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    assert "subIdentificatorVan" in [p["name"] for p in response.json()["invalidParams"]]


def test_updating_and_deleting_a_partij_identificator():
    identificator = ki.partij().identificatoren.get()
    client = ki.kic_client()
    url = f"{BASE}/partij-identificatoren/{identificator.uuid}"
    body = ok(client.patch(url, {"anderePartijIdentificator": "klant-42"}, content_type=JSON))
    assert body["anderePartijIdentificator"] == "klant-42"
    assert client.delete(url).status_code == 204
    assert not PartijIdentificator.objects.filter(pk=identificator.pk).exists()


def test_a_rekeningnummer_without_bic_answers_as_the_spec_says():
    # Found by fuzzing: an empty bic broke the spec's pattern and minimum length.
    response = ki.kic_client().post(
        f"{BASE}/rekeningnummers", {"iban": "NL91ABNA0417164300"}, content_type=JSON
    )
    assert "bic" not in ok(response, 201)


def test_rekeningnummers_crud_and_filter():
    partij = ki.partij()
    client = ki.kic_client()
    body = ok(
        client.post(
            f"{BASE}/rekeningnummers",
            {"partij": {"uuid": str(partij.uuid)}, "iban": "NL91ABNA0417164300", "bic": "ABNANL2A"},
            content_type=JSON,
        ),
        201,
    )
    assert ok(client.get(f"{BASE}/rekeningnummers", {"iban": "NL91ABNA0417164300"}))["count"] == 1
    refused = client.post(f"{BASE}/rekeningnummers", {"iban": "not an iban"}, content_type=JSON)
    assert refused.status_code == 400
    url = f"{BASE}/rekeningnummers/{body['uuid']}"
    assert (
        ok(client.put(url, {"iban": "NL02RABO0123456789", "partij": None}, content_type=JSON))[
            "partij"
        ]
        is None
    )
    partij_body = ok(client.get(f"{BASE}/partijen/{partij.uuid}"))
    assert partij_body["rekeningnummers"] == []
    assert client.delete(url).status_code == 204
    assert not Rekeningnummer.objects.exists()


def test_vertegenwoordigingen_crud_filter_and_the_portal_interface():
    client = ki.kic_client()
    ouder, kind = ki.partij(ki.PERSON), ki.partij(ki.OTHER_PERSON)
    body = ok(
        client.post(
            f"{BASE}/vertegenwoordigingen",
            {
                "vertegenwoordigendePartij": {"uuid": str(ouder.uuid)},
                "vertegenwoordigdePartij": {"uuid": str(kind.uuid)},
            },
            content_type=JSON,
        ),
        201,
    )
    assert [p.identifier for p in selectors.vertegenwoordigers_of(ki.OTHER_PERSON)] == [
        ki.PERSON.identifier
    ]
    listed = ok(
        client.get(
            f"{BASE}/vertegenwoordigingen", {"vertegenwoordigdePartij__uuid": str(kind.uuid)}
        )
    )
    assert listed["count"] == 1
    assert ok(client.get(f"{BASE}/partijen/{ouder.uuid}"))["vertegenwoordigden"][0]["uuid"] == str(
        kind.uuid
    )
    twice = client.post(
        f"{BASE}/vertegenwoordigingen",
        {
            "vertegenwoordigendePartij": {"uuid": str(ouder.uuid)},
            "vertegenwoordigdePartij": {"uuid": str(kind.uuid)},
        },
        content_type=JSON,
    )
    assert twice.status_code == 400
    assert client.delete(f"{BASE}/vertegenwoordigingen/{body['uuid']}").status_code == 204
    assert not Vertegenwoordiging.objects.exists()


def test_categorieen_and_categorie_relaties():
    partij = ki.partij()
    client = ki.kic_client()
    categorie = ok(
        client.post(f"{BASE}/categorieen", {"naam": "Ondernemer"}, content_type=JSON), 201
    )
    relatie = ok(
        client.post(
            f"{BASE}/categorie-relaties",
            {
                "partij": {"uuid": str(partij.uuid)},
                "categorie": {"uuid": categorie["uuid"]},
                "beginDatum": "2026-01-01",
            },
            content_type=JSON,
        ),
        201,
    )
    assert relatie["categorie"]["naam"] == "Ondernemer"
    assert (
        ok(client.get(f"{BASE}/categorie-relaties", {"categorie__naam": "Ondernemer"}))["count"]
        == 1
    )
    filtered = ok(
        client.get(f"{BASE}/partijen", {"categorierelatie__categorie__naam": "Ondernemer"})
    )
    assert filtered["count"] == 1
    assert ok(client.get(f"{BASE}/categorieen"))["count"] == 1
    url = f"{BASE}/categorieen/{categorie['uuid']}"
    assert ok(client.put(url, {"naam": "MKB"}, content_type=JSON))["naam"] == "MKB"
    in_use = client.delete(url)
    assert in_use.status_code == 400
    assert in_use["Content-Type"].startswith("application/problem+json")
    assert client.delete(f"{BASE}/categorie-relaties/{relatie['uuid']}").status_code == 204
    assert client.delete(url).status_code == 204
    assert not Categorie.objects.exists()


def test_the_schema_is_served_without_login(client):
    response = client.get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    assert b"Klantinteracties API" in response.content


def test_filters_on_stored_address_name_and_actor_identificator():
    client = ki.kic_client()
    ok(
        client.post(
            f"{BASE}/partijen",
            {
                "soortPartij": "organisatie",
                "indicatieActief": True,
                "bezoekadres": {"adresregel1": "Markt 1", "land": "NL"},
            },
            content_type=JSON,
        ),
        201,
    )
    ki.partij()
    assert ok(client.get(f"{BASE}/partijen", {"bezoekadresAdresregel1": "Markt 1"}))["count"] == 1
    contact = ki.klantcontact(ki.PERSON)
    contact.betrokkenen.update(contactnaam={"achternaam": "Moulin"})
    found = ok(client.get(f"{BASE}/betrokkenen", {"contactnaamAchternaam": "Moulin"}))
    assert found["count"] == 1
    ok(
        client.post(
            f"{BASE}/actoren",
            {
                "naam": "Medewerker A",
                "soortActor": "medewerker",
                "actoridentificator": {"objectId": "m-1", "codeRegister": "ad"},
            },
            content_type=JSON,
        ),
        201,
    )
    by_id = ok(client.get(f"{BASE}/actoren", {"actoridentificatorObjectId": "m-1"}))
    assert [a["naam"] for a in by_id["results"]] == ["Medewerker A"]


def test_a_new_standard_address_replaces_the_previous_standard_one_of_its_kind():
    partij = ki.partij()
    first = ki.digitaal_adres(is_standaard=True)
    client = ki.kic_client()
    body = ok(
        client.post(
            f"{BASE}/digitaleadressen",
            {
                "verstrektDoorPartij": {"uuid": str(partij.uuid)},
                "adres": "nieuw@example.nl",
                "soortDigitaalAdres": "email",
                "isStandaardAdres": True,
            },
            content_type=JSON,
        ),
        201,
    )
    first.refresh_from_db()
    assert first.is_standaard_adres is False
    standard = ok(client.get(f"{BASE}/digitaleadressen", {"isStandaardAdres": "true"}))
    assert [a["uuid"] for a in standard["results"]] == [body["uuid"]]
