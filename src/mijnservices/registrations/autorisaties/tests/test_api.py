from __future__ import annotations

import pytest

from mijnservices.registrations.autorisaties.models import ClientCredential
from mijnservices.testing.api import api_client, assert_matches_official_spec

pytestmark = pytest.mark.django_db
URL = "/autorisaties/api/v1/applicaties"
ZAAKTYPE = "http://localhost:8000/catalogi/api/v1/zaaktypen/7b1b4bbc-5f7b-4b8e-9d5a-0a0e8c7c2c10"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[
            {"component": "ac", "scopes": ["autorisaties.lezen", "autorisaties.bijwerken"]}
        ]
    )


def _create(client, **overrides):
    payload = {
        "clientIds": ["zaaksysteem"],
        "label": "Zaaksysteem",
        "autorisaties": [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": ZAAKTYPE,
                "maxVertrouwelijkheidaanduiding": "openbaar",
            }
        ],
        **overrides,
    }
    return client.post(URL, payload, content_type="application/json")


def test_applicatie_is_created_with_its_autorisaties(client):
    response = _create(client)
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("autorisaties", response)
    body = response.json()
    assert body["clientIds"] == ["zaaksysteem"]
    assert body["autorisaties"][0]["zaaktype"] == ZAAKTYPE
    assert body["autorisaties"][0]["componentWeergave"] == "Zaken API"


def test_secrets_are_never_returned(client):
    _create(client)
    ClientCredential.objects.filter(client_id="zaaksysteem").update(secret="very-secret-value")
    assert b"very-secret-value" not in client.get(URL).content


def test_zrc_autorisatie_needs_a_zaaktype(client):
    response = _create(client, autorisaties=[{"component": "zrc", "scopes": ["zaken.lezen"]}])
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "autorisaties.0.zaaktype"
    assert_matches_official_spec("autorisaties", response)


def test_every_missing_attribute_of_an_autorisatie_is_reported(client):
    # ac-003a/c: both the type and the maximum vertrouwelijkheid, each under its autorisatie.
    response = _create(
        client,
        autorisaties=[
            {
                "component": "drc",
                "scopes": ["documenten.lezen"],
                "informatieobjecttype": "",
                "maxVertrouwelijkheidaanduiding": "",
            }
        ],
    )
    assert response.status_code == 400
    params = sorted((p["name"], p["code"]) for p in response.json()["invalidParams"])
    assert params == [
        ("autorisaties.0.informatieobjecttype", "required"),
        ("autorisaties.0.maxVertrouwelijkheidaanduiding", "required"),
    ]


def test_an_autorisatie_whose_scopes_concern_no_zaken_needs_no_zaaktype(client):
    response = _create(
        client,
        autorisaties=[
            {"component": "zrc", "scopes": ["notificaties.publiceren"]},
            {"component": "nrc", "scopes": ["notificaties.publiceren"]},
        ],
    )
    assert response.status_code == 201, response.json()


def test_a_missing_besluittype_is_reported_under_its_autorisatie(client):
    response = _create(
        client,
        autorisaties=[
            {"component": "nrc", "scopes": ["notificaties.consumeren"]},
            {"component": "brc", "scopes": ["besluiten.lezen"]},
        ],
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "autorisaties.1.besluittype"


def test_client_id_cannot_be_used_twice(client):
    _create(client)
    response = _create(client, label="Ander systeem")
    assert response.status_code == 400


def test_list_filters_on_client_ids(client):
    _create(client)
    response = client.get(URL, {"clientIds": "zaaksysteem"})
    assert response.json()["count"] == 1
    assert_matches_official_spec("autorisaties", response)
    assert client.get(URL, {"clientIds": "niemand"}).json()["count"] == 0


def test_consumer_finds_the_applicatie_of_a_client_id(client):
    _create(client)
    response = client.get(f"{URL}/consumer", {"clientId": "zaaksysteem"})
    assert response.status_code == 200
    assert response.json()["label"] == "Zaaksysteem"
    assert client.get(f"{URL}/consumer", {"clientId": "niemand"}).status_code == 404


def test_update_replaces_and_delete_removes(client):
    url = _create(client).json()["url"].removeprefix("http://testserver")
    response = client.put(
        url,
        {"clientIds": ["zaaksysteem", "tweede"], "label": "Nieuw", "heeftAlleAutorisaties": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["autorisaties"] == []
    assert_matches_official_spec("autorisaties", response)
    patched = client.patch(url, {"label": "Gewijzigd"}, content_type="application/json")
    assert patched.json()["label"] == "Gewijzigd"
    assert client.delete(url).status_code == 204
    assert not ClientCredential.objects.filter(client_id="tweede").exists()


def test_reading_applicaties_needs_the_autorisaties_scope():
    client = api_client(autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert client.get(URL).status_code == 403


def test_rights_on_non_zgw_apis_are_hidden_and_survive_a_put(client):
    from mijnservices.registrations.autorisaties.models import Applicatie, Autorisatie

    created = _create(client).json()
    applicatie = Applicatie.objects.get(credentials__client_id="zaaksysteem")
    Autorisatie.objects.create(
        applicatie=applicatie, component="kic", scopes=["klantinteracties.lezen"]
    )

    shown = client.get(created["url"])
    assert [a["component"] for a in shown.json()["autorisaties"]] == ["zrc"]
    assert_matches_official_spec("autorisaties", shown)

    replaced = client.put(
        created["url"],
        {**shown.json(), "autorisaties": []},
        content_type="application/json",
    )
    assert replaced.status_code == 200, replaced.json()
    assert replaced.json()["autorisaties"] == []
    assert list(applicatie.autorisaties.values_list("component", flat=True)) == ["kic"]


def test_a_non_zgw_component_cannot_be_granted_through_the_api(client):
    response = _create(client, autorisaties=[{"component": "kic", "scopes": ["x"]}])
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "autorisaties.0.component"


def test_a_secret_registered_first_works_once_the_api_creates_the_applicatie(client):
    from django.core.management import call_command

    from mijnservices.testing.api import token

    call_command("api_client", "secret", "later-client", "--secret", "s3cret-long-enough-x")
    assert ClientCredential.objects.get(client_id="later-client").applicatie is None
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token('later-client', 's3cret-long-enough-x')}"}
    assert client.get(URL, **auth).status_code == 401  # a secret alone gives no rights
    created = _create(
        client, clientIds=["later-client"], heeftAlleAutorisaties=True, autorisaties=[]
    )
    assert created.status_code == 201, created.json()
    assert client.get("/catalogi/api/v1/zaaktypen", **auth).status_code == 200
    # Deleting the applicatie keeps the secret for the next one.
    client.delete(created.json()["url"])
    assert ClientCredential.objects.get(client_id="later-client").secret == "s3cret-long-enough-x"


def test_api_client_create_makes_an_applicatie_with_scopes_and_secret():
    from django.core.management import call_command
    from django.test import Client

    from mijnservices.testing.api import token

    call_command(
        "api_client", "create", "cli-client", "--scope", "ztc:catalogi.lezen", "--secret", "k" * 32
    )
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token('cli-client', 'k' * 32)}")
    assert api.get("/catalogi/api/v1/zaaktypen").status_code == 200
    assert api.get("/zaken/api/v1/zaken").status_code == 403
