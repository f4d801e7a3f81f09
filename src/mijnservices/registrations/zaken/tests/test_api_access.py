"""zrc-006: an API client sees and changes only zaken of zaaktypen it holds rights for,
up to that grant's maximum vertrouwelijkheid, on EVERY read path (Open Zaak's 2026
advisories: _zoek and expand leaking, catalogue rights not applied to lists)."""

from __future__ import annotations

import pytest

from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.models import ZaakObject
from mijnservices.registrations.zaken.tests.api_helpers import (
    BASE,
    add_contacts,
    zaak_url,
    zaken_client,
)
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two zaaktypen; the client reads A up to zaakvertrouwelijk, nothing of B."""
    type_a = published_zaaktype(identificatie="ZT-A")
    type_b = published_zaaktype(identificatie="ZT-B")
    visible = ZaakFactory(zaaktype=type_a, for_bsn="999993653")
    secret = ZaakFactory(zaaktype=type_a, for_bsn="999993653", vertrouwelijkheidaanduiding="geheim")
    other = ZaakFactory(zaaktype=type_b, for_bsn="999993653")
    for zaak in (visible, secret, other):
        services.zaakobject_create(
            zaak=zaak,
            object_type="overige",
            object_type_overige="x",
            object="https://objecten.example/1",
        )
    # deelzaken of the visible one: one visible, one not
    services.zaak_update(zaak=other, hoofdzaak=visible)
    client = zaken_client(zaaktypen={type_a: (["zaken.lezen"], "zaakvertrouwelijk")})
    return {"client": client, "visible": visible, "secret": secret, "other": other}


def _uuids(body):
    return {item["uuid"] for item in body["results"]}


def test_list_shows_only_the_granted_zaaktype_up_to_its_confidentiality(world):
    response = world["client"].get(f"{BASE}/zaken")
    assert response.status_code == 200
    assert _uuids(response.json()) == {str(world["visible"].uuid)}
    assert_matches_official_spec("zaken", response)


def test_list_filter_on_bsn_stays_within_the_scope(world):
    response = world["client"].get(
        f"{BASE}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999993653"
    )
    assert _uuids(response.json()) == {str(world["visible"].uuid)}


def test_detail_outside_the_rights_answers_403_not_404(world):
    for zaak in (world["secret"], world["other"]):
        response = world["client"].get(f"{BASE}/zaken/{zaak.uuid}")
        assert response.status_code == 403
        assert_matches_official_spec("zaken", response)
    assert world["client"].get(f"{BASE}/zaken/{world['visible'].uuid}").status_code == 200


def test_zoek_never_returns_zaken_outside_the_rights(world):
    uuids = [str(world[name].uuid) for name in ("visible", "secret", "other")]
    response = world["client"].post(
        f"{BASE}/zaken/_zoek", {"uuid__in": uuids}, content_type="application/json"
    )
    assert response.status_code == 200
    assert _uuids(response.json()) == {str(world["visible"].uuid)}
    assert_matches_official_spec("zaken", response)


def test_expand_never_includes_zaken_outside_the_rights(world):
    response = world["client"].get(
        f"{BASE}/zaken/{world['visible'].uuid}?expand=deelzaken,rollen,zaakobjecten"
    )
    assert response.status_code == 200
    expanded = response.json()["_expand"]
    assert expanded["deelzaken"] == []  # the deelzaak is of zaaktype B
    assert len(expanded["zaakobjecten"]) == 1
    # and from the other side: the deelzaak's hoofdzaak is not expandable for B's reader
    client_b = zaken_client(
        client_id="b-reader",
        zaaktypen={world["other"].zaaktype: (["zaken.lezen"], "geheim")},
    )
    body = client_b.get(f"{BASE}/zaken/{world['other'].uuid}?expand=hoofdzaak").json()
    assert body["_expand"]["hoofdzaak"] == {}
    assert body["hoofdzaak"] == zaak_url(world["visible"])


@pytest.mark.parametrize(
    "collection",
    [
        "statussen",
        "rollen",
        "resultaten",
        "zaakobjecten",
        "zaakinformatieobjecten",
        "klantcontacten",
        "zaakcontactmomenten",
        "zaakverzoeken",
    ],
)
def test_nested_lists_show_only_objects_of_visible_zaken(world, collection):
    visible = world["visible"]
    for zaak in (visible, world["secret"], world["other"]):
        services.zaakinformatieobject_create(
            zaak=zaak, informatieobject=f"https://drc.example/eio/{zaak.pk}"
        )
        services.resultaat_set(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.first())
        add_contacts(zaak, zaak.pk)
    response = world["client"].get(f"{BASE}/{collection}")
    assert response.status_code == 200
    body = response.json()
    items = body["results"] if isinstance(body, dict) else body
    assert items
    assert {item["zaak"] for item in items} == {zaak_url(visible)}


def test_nested_detail_of_an_invisible_zaak_answers_403(world):
    zaakobject = ZaakObject.objects.get(zaak=world["other"])
    assert world["client"].get(f"{BASE}/zaakobjecten/{zaakobject.uuid}").status_code == 403
    mine = ZaakObject.objects.get(zaak=world["visible"])
    assert world["client"].get(f"{BASE}/zaakobjecten/{mine.uuid}").status_code == 200


def test_nested_expand_of_the_zaak_respects_the_scope(world):
    response = world["client"].get(f"{BASE}/rollen?expand=zaak")
    for item in response.json()["results"]:
        assert item["_expand"]["zaak"]["uuid"] == str(world["visible"].uuid)


def test_audittrail_of_an_invisible_zaak_answers_403(world):
    client = zaken_client(
        client_id="auditor",
        zaaktypen={world["visible"].zaaktype: (["zaken.lezen", "audittrails.lezen"], "openbaar")},
    )
    assert client.get(f"{BASE}/zaken/{world['other'].uuid}/audittrail").status_code == 403


def test_a_client_without_rights_for_the_zaaktype_cannot_write(world):
    client = zaken_client(
        client_id="writer",
        zaaktypen={world["visible"].zaaktype: (["zaken.lezen", "zaken.bijwerken"], "geheim")},
    )
    other = world["other"]
    response = client.patch(
        f"{BASE}/zaken/{other.uuid}", {"toelichting": "x"}, content_type="application/json"
    )
    assert response.status_code == 403
    response = client.post(
        f"{BASE}/rollen",
        {
            "zaak": zaak_url(other),
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": f"http://testserver/catalogi/api/v1/roltypen/{other.zaaktype.roltypen.first().uuid}",
            "roltoelichting": "",
            "betrokkeneIdentificatie": {"inpBsn": "999990627"},
        },
        content_type="application/json",
    )
    assert response.status_code == 403


def test_all_autorisaties_sees_everything(world):
    client = zaken_client(client_id="alles", alles=True)
    assert client.get(f"{BASE}/zaken").json()["count"] == 3
