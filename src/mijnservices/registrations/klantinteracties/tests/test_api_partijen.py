"""Klantinteracties API 0.9.0: partijen, partij-identificatoren, digitale adressen,
rekeningnummers, vertegenwoordigingen, categorieën — CRUD, filters, expand, access."""

from __future__ import annotations

import pytest

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.klantinteracties.models import (
    Categorie,
    CategorieRelatie,
    DigitaalAdres,
    Partij,
)
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.testing import klantinteracties as ki
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.queries import personal_read_log_queries

pytestmark = pytest.mark.django_db
BASE = "/klantinteracties/api/v1"
JSON = "application/json"

PERSOON = {
    "soortPartij": "persoon",
    "indicatieActief": True,
    "voorkeurstaal": "nld",
    "partijIdentificatie": {
        "contactnaam": {"voornaam": "Suzanne", "voorvoegselAchternaam": "", "achternaam": "Moulin"}
    },
    "partijIdentificatoren": [
        {
            "partijIdentificator": {
                "codeObjecttype": "natuurlijk_persoon",
                "codeSoortObjectId": "bsn",
                "objectId": "999993653",
                "codeRegister": "brp",
            }
        }
    ],
    "bezoekadres": {"straatnaam": "Dorpsstraat", "huisnummer": 1, "postcode": "1234 AB"},
}


def ok(response, code=200, api="klantinteracties"):
    assert response.status_code == code, response.content
    assert_matches_official_spec(api, response)
    return response.json()


def test_creating_a_persoon_with_its_bsn_identificator():
    body = ok(ki.kic_client().post(f"{BASE}/partijen", PERSOON, content_type=JSON), 201)
    assert body["soortPartij"] == "persoon"
    assert body["partijIdentificatie"]["volledigeNaam"] == "Suzanne Moulin"
    assert body["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] == "999993653"
    assert body["bezoekadres"]["postcode"] == "1234 AB"
    assert body["url"].endswith(f"{BASE}/partijen/{body['uuid']}")
    partij = Partij.objects.get(uuid=body["uuid"])
    assert len(partij.nummer) == 10
    assert OutboxEvent.objects.filter(kanaal="klantinteracties", resource="partij").exists()


def test_an_organisatie_and_a_contactpersoon_have_their_own_identificatie():
    client = ki.kic_client()
    organisatie = ok(
        client.post(
            f"{BASE}/partijen",
            {
                "soortPartij": "organisatie",
                "indicatieActief": True,
                "partijIdentificatie": {"naam": "Test BV"},
            },
            content_type=JSON,
        ),
        201,
    )
    assert organisatie["partijIdentificatie"] == {"naam": "Test BV"}
    contactpersoon = ok(
        client.post(
            f"{BASE}/partijen",
            {
                "soortPartij": "contactpersoon",
                "indicatieActief": True,
                "partijIdentificatie": {
                    "contactnaam": {"voornaam": "Kim", "achternaam": "de Vries"},
                    "werkteVoorPartij": {"uuid": organisatie["uuid"]},
                },
            },
            content_type=JSON,
        ),
        201,
    )
    identificatie = contactpersoon["partijIdentificatie"]
    assert identificatie["werkteVoorPartij"]["uuid"] == organisatie["uuid"]
    assert identificatie["volledigeNaam"] == "Kim de Vries"


def test_a_partij_with_an_unknown_soort_is_refused_as_problem_json():
    response = ki.kic_client().post(
        f"{BASE}/partijen", {**PERSOON, "soortPartij": "robot"}, content_type=JSON
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "soortPartij" in [p["name"] for p in response.json()["invalidParams"]]


def test_listing_and_filtering_partijen_on_identificator():
    mine = ki.partij(ki.PERSON)
    ki.partij(ki.OTHER_PERSON)
    client = ki.kic_client()
    body = ok(client.get(f"{BASE}/partijen"))
    assert body["count"] == 2
    body = ok(
        client.get(
            f"{BASE}/partijen",
            {
                "partijIdentificator__codeSoortObjectId": "bsn",
                "partijIdentificator__objectId": ki.PERSON.identifier,
            },
        )
    )
    assert [r["uuid"] for r in body["results"]] == [str(mine.uuid)]
    assert ok(client.get(f"{BASE}/partijen", {"soortPartij": "organisatie"}))["count"] == 0


def test_a_vestiging_is_found_through_its_sub_identificator():
    vestiging = ki.partij(ki.BRANCH)
    ki.partij(ki.BUSINESS)
    body = ok(
        ki.kic_client().get(
            f"{BASE}/partijen",
            {
                "partijIdentificator__codeSoortObjectId": "vestigingsnummer",
                "subIdentificatorVan__objectId": ki.BRANCH.identifier,
            },
        )
    )
    assert [r["uuid"] for r in body["results"]] == [str(vestiging.uuid)]


def test_expand_on_a_partij_includes_its_digitale_adressen_and_betrokkenen():
    adres = ki.digitaal_adres(ki.PERSON)
    contact = ki.klantcontact(ki.PERSON)
    partij = ki.partij(ki.PERSON)
    body = ok(
        ki.kic_client().get(
            f"{BASE}/partijen/{partij.uuid}",
            {"expand": "digitaleAdressen,betrokkenen.hadKlantcontact,categorieRelaties"},
        )
    )
    expand = body["_expand"]
    assert [a["uuid"] for a in expand["digitaleAdressen"]] == [str(adres.uuid)]
    assert expand["betrokkenen"][0]["_expand"]["hadKlantcontact"]["uuid"] == str(contact.uuid)
    assert expand["categorieRelaties"] == []


def test_expand_outside_the_spec_is_refused():
    partij = ki.partij()
    response = ki.kic_client().get(f"{BASE}/partijen/{partij.uuid}", {"expand": "rekeningnummers"})
    assert response.status_code == 400


def test_updating_and_deleting_a_partij():
    partij = ki.partij()
    client = ki.kic_client()
    body = ok(
        client.patch(
            f"{BASE}/partijen/{partij.uuid}",
            {"indicatieGeheimhouding": True, "interneNotitie": "Belt liever niet"},
            content_type=JSON,
        )
    )
    assert body["indicatieGeheimhouding"] is True
    assert client.delete(f"{BASE}/partijen/{partij.uuid}").status_code == 204
    assert not Partij.objects.filter(pk=partij.pk).exists()


def test_a_voorkeurs_digitaal_adres_must_be_the_partijs_own():
    partij = ki.partij(ki.PERSON)
    other = ki.digitaal_adres(ki.OTHER_PERSON)
    own = ki.digitaal_adres(ki.PERSON)
    client = ki.kic_client()
    url = f"{BASE}/partijen/{partij.uuid}"
    refused = client.patch(
        url, {"voorkeursDigitaalAdres": {"uuid": str(other.uuid)}}, content_type=JSON
    )
    assert refused.status_code == 400
    body = ok(
        client.patch(url, {"voorkeursDigitaalAdres": {"uuid": str(own.uuid)}}, content_type=JSON)
    )
    assert body["voorkeursDigitaalAdres"]["uuid"] == str(own.uuid)


def test_an_unknown_query_parameter_is_refused():
    assert ki.kic_client().get(f"{BASE}/partijen", {"bsn": "1"}).status_code == 400


def test_a_client_without_kic_scopes_is_refused():
    partij = ki.partij()
    client = ki.kic_client(scopes=["contactgegevens.lezen"])
    assert client.get(f"{BASE}/partijen").status_code == 403
    assert client.get(f"{BASE}/partijen/{partij.uuid}").status_code == 403
    assert client.post(f"{BASE}/partijen", PERSOON, content_type=JSON).status_code == 403


def test_a_reader_cannot_write():
    client = ki.kic_client(scopes=["klantinteracties.lezen"])
    assert client.get(f"{BASE}/partijen").status_code == 200
    assert client.post(f"{BASE}/partijen", PERSOON, content_type=JSON).status_code == 403


def test_reading_partijen_is_logged_as_one_verwerking():
    ki.partij(ki.PERSON)
    ki.partij(ki.OTHER_PERSON)
    ok(ki.kic_client().get(f"{BASE}/partijen"))
    assert Verwerkingsactie.objects.count() == 1
    assert [row.activiteit for row in verwerkingen_for(ki.PERSON)] == ["partij raadplegen"]
    assert len(verwerkingen_for(ki.OTHER_PERSON)) == 1


@pytest.mark.parametrize("rows", [1, 6])
def test_listing_partijen_takes_a_constant_number_of_queries(rows, django_assert_num_queries):
    client = ki.kic_client()
    for i in range(rows):
        party = ki.Party(kind="bsn", identifier=f"10000000{i}", name=f"P{i}")
        ki.digitaal_adres(party)
        ki.klantcontact(party)
        CategorieRelatie.objects.create(
            partij=ki.partij(party), categorie=Categorie.objects.create(naam=f"C{i}")
        )
    expand = "digitaleAdressen,betrokkenen,categorieRelaties"
    with django_assert_num_queries(QUERIES["partijen"]):
        body = ok(client.get(f"{BASE}/partijen", {"expand": expand}))
    assert body["count"] == rows


# Queries per list request (authentication, count, page, prefetches, verwerking log).
QUERIES = {
    "partijen": 10 + personal_read_log_queries()
}  # no COUNT(*) for the last page (decision 0035)


def test_creating_reading_and_filtering_digitale_adressen():
    partij = ki.partij()
    client = ki.kic_client()
    body = ok(
        client.post(
            f"{BASE}/digitaleadressen",
            {
                "verstrektDoorPartij": {"uuid": str(partij.uuid)},
                "adres": "suzanne@example.nl",
                "soortDigitaalAdres": "email",
                "isStandaardAdres": True,
                "verificatieDatum": "2026-01-02",
            },
            content_type=JSON,
        ),
        201,
    )
    assert body["verificatieDatum"] == "2026-01-02"
    assert body["verstrektDoorPartij"]["uuid"] == str(partij.uuid)
    ki.digitaal_adres(ki.OTHER_PERSON, adres="0612345678", soort="telefoonnummer")
    listed = ok(client.get(f"{BASE}/digitaleadressen", {"soortDigitaalAdres": "email"}))
    assert [r["uuid"] for r in listed["results"]] == [body["uuid"]]
    assert ok(client.get(f"{BASE}/digitaleadressen", {"isGeverifieerd": "true"}))["count"] == 1
    assert ok(client.get(f"{BASE}/digitaleadressen", {"adres__icontains": "SUZANNE"}))["count"] == 1
    by_partij = ok(
        client.get(
            f"{BASE}/digitaleadressen",
            {"verstrektDoorPartij__url": f"http://testserver{BASE}/partijen/{partij.uuid}"},
        )
    )
    assert by_partij["count"] == 1
    detail = ok(client.get(f"{BASE}/digitaleadressen/{body['uuid']}"))
    assert detail["adres"] == "suzanne@example.nl"


def test_a_digitaal_adres_of_an_unknown_soort_is_refused():
    response = ki.kic_client().post(
        f"{BASE}/digitaleadressen", {"adres": "x", "soortDigitaalAdres": "fax"}, content_type=JSON
    )
    assert response.status_code == 400
    assert "soortDigitaalAdres" in [p["name"] for p in response.json()["invalidParams"]]


def test_updating_and_deleting_a_digitaal_adres():
    adres = ki.digitaal_adres()
    client = ki.kic_client()
    url = f"{BASE}/digitaleadressen/{adres.uuid}"
    body = ok(client.patch(url, {"omschrijving": "Werk"}, content_type=JSON))
    assert body["omschrijving"] == "Werk"
    assert client.delete(url).status_code == 204
    assert not DigitaalAdres.objects.filter(pk=adres.pk).exists()


def test_expand_on_a_digitaal_adres_gives_its_betrokkene_and_klantcontact():
    contact = ki.klantcontact()
    betrokkene = contact.betrokkenen.get()
    adres = DigitaalAdres.objects.create(
        betrokkene=betrokkene, adres="a@example.nl", soort_digitaal_adres="email"
    )
    body = ok(
        ki.kic_client().get(
            f"{BASE}/digitaleadressen/{adres.uuid}",
            {"expand": "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken"},
        )
    )
    expanded = body["_expand"]["verstrektDoorBetrokkene"]
    assert expanded["uuid"] == str(betrokkene.uuid)
    assert expanded["_expand"]["hadKlantcontact"]["uuid"] == str(contact.uuid)


@pytest.mark.parametrize("rows", [1, 6])
def test_listing_digitale_adressen_takes_a_constant_number_of_queries(
    rows, django_assert_num_queries
):
    client = ki.kic_client()
    for i in range(rows):
        ki.digitaal_adres(ki.Party(kind="bsn", identifier=f"20000000{i}"))
    with django_assert_num_queries(QUERIES["digitaleadressen"]):
        assert ok(client.get(f"{BASE}/digitaleadressen"))["count"] == rows


QUERIES["digitaleadressen"] = 4 + personal_read_log_queries()


def test_replacing_a_partij_with_put():
    partij = ki.partij()
    body = ok(
        ki.kic_client().put(
            f"{BASE}/partijen/{partij.uuid}",
            {
                "soortPartij": "persoon",
                "indicatieActief": False,
                "partijIdentificatie": {"contactnaam": {"voornaam": "Suus", "achternaam": "M"}},
                "correspondentieadres": {"adresregel1": "Postbus 1", "land": "NL"},
            },
            content_type=JSON,
        )
    )
    assert body["indicatieActief"] is False
    assert body["partijIdentificatie"]["volledigeNaam"] == "Suus M"
    assert body["correspondentieadres"]["adresregel1"] == "Postbus 1"
    # The identificatoren stay: the portal still finds the person.
    assert body["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] == "999993653"


def test_reading_digitale_adressen_is_logged_for_their_person():
    adres = ki.digitaal_adres(ki.PERSON)
    ok(ki.kic_client().get(f"{BASE}/digitaleadressen/{adres.uuid}"))
    assert [row.activiteit for row in verwerkingen_for(ki.PERSON)] == ["digitaal adres raadplegen"]
