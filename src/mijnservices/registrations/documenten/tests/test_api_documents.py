"""The Documenten API 1.7: documents with versions, base64 upload and download, locks.
Every response is validated against the official spec."""

from __future__ import annotations

import pytest

from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    PDF,
    PNG,
    b64,
    document,
    documenten_client,
    iot_url,
    published_informatieobjecttype,
)
from mijnservices.testing.api import assert_matches_official_spec

pytestmark = pytest.mark.django_db
ALL = [
    "documenten.lezen",
    "documenten.aanmaken",
    "documenten.bijwerken",
    "documenten.verwijderen",
    "documenten.lock",
    "audittrails.lezen",
]


@pytest.fixture
def iot():
    return published_informatieobjecttype()


@pytest.fixture
def client(iot):
    return documenten_client(types={iot: (ALL, "geheim")})


def _body(iot, **extra):
    return {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-01-05",
        "titel": "Aanvraag",
        "auteur": "Burger",
        "taal": "nld",
        "informatieobjecttype": iot_url(iot),
        "bestandsnaam": "aanvraag.pdf",
        "formaat": "application/pdf",
        "inhoud": b64(PDF),
        **extra,
    }


def _create(client, iot, **extra):
    response = client.post(
        f"{BASE}/enkelvoudiginformatieobjecten",
        _body(iot, **extra),
        content_type="application/json",
    )
    assert_matches_official_spec("documenten", response)
    return response


def test_create_answers_201_with_version_1_and_a_download_url(client, iot):
    response = _create(client, iot)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["versie"] == 1
    assert body["locked"] is False
    assert body["lock"] == ""
    assert body["bestandsomvang"] == len(PDF)
    assert body["inhoud"] == body["url"] + "/download?versie=1"
    assert response["Location"] == body["url"]


def test_base64_content_downloads_as_the_same_bytes(client, iot):
    body = _create(client, iot).json()
    response = client.get(body["inhoud"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/octet-stream"
    assert 'filename="aanvraag.pdf"' in response["Content-Disposition"]


def test_content_whose_bytes_differ_from_its_type_is_accepted_by_default(client, iot):
    response = _create(client, iot, inhoud=b64(PNG), formaat="")
    assert response.status_code == 201, response.json()


def test_a_pdf_name_with_png_bytes_answers_a_clear_problem_when_checked(client, iot, settings):
    settings.DOCUMENTEN_API_CONTENT_CHECK = True
    response = _create(client, iot, inhoud=b64(PNG), formaat="")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["invalidParams"][0]["name"] == "inhoud"
    assert problem["invalidParams"][0]["code"] == "content-type-mismatch"
    assert "bestandsnaam aanvraag.pdf" in problem["invalidParams"][0]["reason"]


def test_an_oversized_body_is_refused_before_parsing(client, iot, settings):
    settings.DOCUMENTEN_MAX_UPLOAD_SIZE = 10
    response = _create(client, iot, inhoud=b64(PDF + b" " * 200_000))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "file-too-large"


def test_update_without_lock_is_refused_then_lock_update_unlock(client, iot):
    url = _create(client, iot).json()["url"]
    response = client.patch(url, {"titel": "Nieuw"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "unlocked"

    response = client.post(f"{url}/lock")
    assert_matches_official_spec("documenten", response)
    lock = response.json()["lock"]
    assert client.post(f"{url}/lock").status_code == 400  # existing-lock

    response = client.patch(url, {"titel": "Nieuw", "lock": lock}, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("documenten", response)
    assert response.json()["versie"] == 2
    assert response.json()["locked"] is True

    response = client.post(f"{url}/unlock", {"lock": "wrong"}, content_type="application/json")
    assert response.status_code == 400
    response = client.post(f"{url}/unlock", {"lock": lock}, content_type="application/json")
    assert response.status_code == 204
    assert client.get(url).json()["locked"] is False


def test_put_replaces_content_and_old_versions_stay_readable(client, iot):
    created = _create(client, iot).json()
    url = created["url"]
    lock = client.post(f"{url}/lock").json()["lock"]
    body = _body(iot, titel="Foto", bestandsnaam="foto.png", formaat="image/png", inhoud=b64(PNG))
    response = client.put(url, {**body, "lock": lock}, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("documenten", response)

    first = client.get(f"{url}?versie=1")
    assert_matches_official_spec("documenten", first)
    assert first.json()["titel"] == "Aanvraag"
    assert b"".join(client.get(f"{url}/download?versie=1").streaming_content) == PDF
    assert b"".join(client.get(f"{url}/download").streaming_content) == PNG
    at_creation = client.get(url, {"registratieOp": created["beginRegistratie"]})
    assert at_creation.json()["versie"] == 1
    assert client.get(f"{url}?versie=9").status_code == 404


def test_a_put_without_the_lock_answers_lock_required_drc_009d(client, iot):
    # The PUT body (EnkelvoudigInformatieObjectWithLockRequest) requires the lock.
    url = _create(client, iot).json()["url"]
    client.post(f"{url}/lock")
    response = client.put(url, _body(iot, titel="Nieuw"), content_type="application/json")
    assert response.status_code == 400
    first = response.json()["invalidParams"][0]
    assert (first["name"], first["code"]) == ("lock", "required")


def test_list_filters_and_validates(client, iot):
    _create(client, iot, identificatie="DOC-A")
    _create(client, iot, identificatie="DOC-B")
    response = client.get(f"{BASE}/enkelvoudiginformatieobjecten?identificatie=DOC-A")
    assert_matches_official_spec("documenten", response)
    assert [d["identificatie"] for d in response.json()["results"]] == ["DOC-A"]
    assert client.get(f"{BASE}/enkelvoudiginformatieobjecten?titel=x").status_code == 400


def test_detail_has_an_etag(client, iot):
    url = _create(client, iot).json()["url"]
    response = client.get(url)
    assert_matches_official_spec("documenten", response)
    assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_delete_answers_204_and_the_document_is_gone(client, iot):
    url = _create(client, iot).json()["url"]
    response = client.delete(url)
    assert response.status_code == 204
    assert client.get(url).status_code == 404


def test_writes_are_in_the_audit_trail(client, iot):
    url = _create(client, iot).json()["url"]
    response = client.get(f"{url}/audittrail")
    assert_matches_official_spec("documenten", response)
    assert [entry["actie"] for entry in response.json()] == ["create"]


def test_gebruiksrechten_crud(client, iot):
    url = _create(client, iot).json()["url"]
    response = client.post(
        f"{BASE}/gebruiksrechten",
        {
            "informatieobject": url,
            "startdatum": "2026-01-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Geen",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("documenten", response)
    assert client.get(url).json()["indicatieGebruiksrecht"] is True
    listed = client.get(f"{BASE}/gebruiksrechten?informatieobject={url}")
    assert_matches_official_spec("documenten", listed)
    assert len(listed.json()) == 1
    recht = response.json()["url"]
    patched = client.patch(
        recht, {"omschrijvingVoorwaarden": "CC0"}, content_type="application/json"
    )
    assert_matches_official_spec("documenten", patched)
    assert client.delete(recht).status_code == 204


def test_zoek_on_uuids_identificatie_and_bronorganisatie():
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})
    first = document(iot, identificatie="DOC-1")
    second = document(iot, identificatie="DOC-2", bronorganisatie="517439943")
    document(iot, identificatie="DOC-3")  # not asked for
    path = f"{BASE}/enkelvoudiginformatieobjecten/_zoek"
    both = [str(first.uuid), str(second.uuid)]

    def found(body):
        response = client.post(path, body, content_type="application/json")
        assert response.status_code == 200, response.json()
        assert_matches_official_spec("documenten", response)
        return [d["identificatie"] for d in response.json()["results"]]

    assert found({"uuid__in": both}) == ["DOC-1", "DOC-2"]
    assert found({"uuid__in": both, "identificatie": "DOC-2"}) == ["DOC-2"]
    assert found({"uuid__in": both, "bronorganisatie": "002220647"}) == ["DOC-1"]
    assert found({"uuid__in": []}) == []
    for body in ({}, {"uuid__in": ["not-a-uuid"]}, {"uuid__in": both, "titel": "x"}):
        response = client.post(path, body, content_type="application/json")
        assert response.status_code == 400, body
        assert_matches_official_spec("documenten", response)


def test_trefwoorden_filter_finds_documents_with_any_of_the_words():
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})
    document(iot, identificatie="A", trefwoorden=["bouwtekening", "vergunning"])
    document(iot, identificatie="B", trefwoorden=["aanvraag"])
    document(iot, identificatie="C", trefwoorden=["bouwtekeningen"])  # no partial match
    document(iot, identificatie="D")

    def found(query):
        response = client.get(f"{BASE}/enkelvoudiginformatieobjecten?trefwoorden={query}")
        assert response.status_code == 200
        assert_matches_official_spec("documenten", response)
        return sorted(d["identificatie"] for d in response.json()["results"])

    assert found("bouwtekening") == ["A"]
    assert found("vergunning,aanvraag") == ["A", "B"]
    assert found("onbekend") == []


def test_a_two_megabyte_document_is_accepted_inline(client, iot):
    content = PDF + b" " * (2 * 1024 * 1024)
    response = _create(client, iot, inhoud=b64(content))
    assert response.status_code == 201, response.content[:300]
    download = client.get(f"{response.json()['url']}/download")
    assert b"".join(download.streaming_content) == content


def test_a_body_above_the_documenten_limit_answers_413(client, iot, settings):
    settings.DOCUMENTEN_MAX_UPLOAD_SIZE = 1024
    settings.REQUEST_MAX_BODY_SIZE = 1024
    response = client.post(  # 413 is not in the official spec: no spec check
        f"{BASE}/enkelvoudiginformatieobjecten",
        _body(iot, inhoud=b64(PDF + b" " * 10_000)),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("informatieobjecttypen/00000000-0000-0000-0000-000000000000", "bad-url"),
        ("zaaktypen/00000000-0000-0000-0000-000000000000", "invalid-resource"),
    ],
)
def test_a_bad_informatieobjecttype_url_answers_the_zgw_codes(client, iot, path, code):
    response = _create(
        client, iot, informatieobjecttype=f"http://testserver/catalogi/api/v1/{path}"
    )
    assert response.status_code == 400
    params = {p["name"]: p["code"] for p in response.json()["invalidParams"]}
    assert params["informatieobjecttype"] == code


def test_download_accepts_application_octet_stream(client, iot):
    body = _create(client, iot).json()
    response = client.get(body["inhoud"], HTTP_ACCEPT="application/octet-stream")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    missing = client.get(
        body["url"].replace(body["url"][-36:], "00000000-0000-0000-0000-000000000000")
        + "/download",
        HTTP_ACCEPT="application/octet-stream",
    )
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_a_document_without_link_leaves_link_out(client, iot):
    body = _create(client, iot).json()
    assert "link" not in body
    linked = _create(client, iot, link="https://example.com/doc").json()
    assert linked["link"] == "https://example.com/doc"


def test_a_received_document_cannot_be_in_bewerking_drc_005(client, iot):
    for status in ("in_bewerking", "ter_vaststelling"):
        response = _create(client, iot, ontvangstdatum="2026-01-04", status=status)
        assert response.status_code == 400
        assert response.json()["invalidParams"][0] == {
            "name": "status",
            "code": "invalid_for_received",
            "reason": response.json()["invalidParams"][0]["reason"],
        }
    assert _create(client, iot, ontvangstdatum="2026-01-04", status="definitief").status_code == 201


def test_indicatie_gebruiksrecht_true_needs_gebruiksrechten_drc_006(client, iot):
    refused = _create(client, iot, indicatieGebruiksrecht=True)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "indicatieGebruiksrecht"
    assert refused.json()["invalidParams"][0]["code"] == "missing-gebruiksrechten"
    url = _create(client, iot).json()["url"]
    client.post(
        f"{BASE}/gebruiksrechten",
        {
            "informatieobject": url,
            "startdatum": "2026-01-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Geen",
        },
        content_type="application/json",
    )
    lock = client.post(f"{url}/lock").json()["lock"]
    cleared = client.patch(
        url, {"indicatieGebruiksrecht": None, "lock": lock}, content_type="application/json"
    )
    assert cleared.status_code == 400
    assert cleared.json()["invalidParams"][0]["code"] == "existing-gebruiksrechten"


def test_a_document_with_objectinformatieobjecten_cannot_be_deleted_drc_008(client, iot):
    from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
    from mijnservices.registrations.documenten.services import relations

    url = _create(client, iot).json()["url"]
    document = EnkelvoudigInformatieObject.objects.get(uuid=url.rsplit("/", 1)[1])
    relations.ObjectInformatieObject.objects.create(
        informatieobject=document, object="https://zaken.example/zaken/1", object_type="zaak"
    )
    response = client.delete(url)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "pending-relations"


def test_lock_errors_use_the_zgw_codes_as_non_field_errors_drc_009(client, iot):
    url = _create(client, iot).json()["url"]
    client.post(f"{url}/lock")
    missing = client.patch(url, {"titel": "Nieuw"}, content_type="application/json")
    assert missing.json()["invalidParams"][0] == {
        "name": "nonFieldErrors",
        "code": "missing-lock-id",
        "reason": missing.json()["invalidParams"][0]["reason"],
    }
    wrong = client.patch(url, {"titel": "Nieuw", "lock": "wrong"}, content_type="application/json")
    assert wrong.json()["invalidParams"][0]["name"] == "nonFieldErrors"
    assert wrong.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    assert_matches_official_spec("documenten", wrong)
