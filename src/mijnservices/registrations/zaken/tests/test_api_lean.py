"""The lean read path of the zaak list, detail and _zoek answers byte for byte what
``ZaakSerializer`` answers (decision 0039): the guard of ``api/lean.py``.

Every request is made twice, once with the lean path switched off (the serializer's answer
is the reference) and once with it on; body, status and ETag must be equal, and the
personal-data read log must name the same persons."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from mijnservices.api.links import Links
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api import lean
from mijnservices.registrations.zaken.api.viewsets import ZaakViewSet
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.tests.api_helpers import (
    BASE,
    zaak_url,
    zaken_client,
)
from mijnservices.testing.factories import (
    ZaakFactory,
    published_zaaktype,
    published_zaaktype_with_relations,
)

pytestmark = pytest.mark.django_db
BSN = "999993653"


def _zaken() -> dict[str, Zaak]:
    """A realistic mix: open and closed, with and without resultaat, every optional group,
    hoofdzaak and deelzaken, children of every kind, and rows with unusual stored JSON."""
    plain = published_zaaktype(steps=3)
    products = ["https://pdc.example/producten/1", "https://pdc.example/2"]
    related = published_zaaktype_with_relations(suffix="lean", producten_of_diensten=products)
    found: dict[str, Zaak] = {}
    found["open"] = ZaakFactory(zaaktype=plain, for_bsn=BSN)
    found["closed"] = ZaakFactory(zaaktype=plain, for_bsn=BSN, closed=True)
    found["bare"] = ZaakFactory(zaaktype=plain, status_count=0)  # no status, no rollen
    found["full"] = ZaakFactory(
        zaaktype=related,
        for_bsn=BSN,
        for_kvk="12345678",
        omschrijving="Volledig ingevuld",
        toelichting="Met toelichting: ü, € en \u2028.",
        einddatum_gepland=date(2027, 1, 31),
        uiterlijke_einddatum_afdoening=date(2027, 3, 1),
        vertrouwelijkheidaanduiding="beperkt_openbaar",
        publicatiedatum=date(2026, 12, 1),
        communicatiekanaal="https://referentielijsten.example/communicatiekanalen/1",
        producten_of_diensten=products,
        betalingsindicatie="geheel",
        laatste_betaaldatum=datetime(2026, 6, 30, 22, 15, 1, tzinfo=UTC),
        zaakgeometrie={"type": "Point", "coordinates": [5.1214, 52.0907]},
        verlenging={"reden": "Drukte", "duur": "P14D"},
        opschorting={"indicatie": True, "reden": "Wacht op stukken"},
        selectielijstklasse="https://selectielijst.example/resultaten/1",
        kenmerken=[{"kenmerk": "K-1", "bron": "Balie"}, {"kenmerk": "K-2", "bron": "Web"}],
        opdrachtgevende_organisatie="002220647",
        processobjectaard="Aanvraag",
        processobject={
            "datumkenmerk": "registratiedatum",
            "identificatie": "P-1",
            "objecttype": "zaak",
            "registratie": "ZRC",
        },
    )
    full = found["full"]
    services.zaakobject_create(zaak=full, object_type="adres", object="https://bag.example/1")
    services.zaakinformatieobject_create(zaak=full, informatieobject="https://drc.example/1")
    services.zaakinformatieobject_create(zaak=full, informatieobject="https://drc.example/2")
    eigenschap = related.eigenschappen.first()
    services.zaakeigenschap_create(zaak=full, eigenschap=eigenschap, waarde="een")
    services.zaakeigenschap_create(zaak=full, eigenschap=eigenschap, waarde="twee")
    found["hoofdzaak"] = ZaakFactory(zaaktype=plain, for_bsn=BSN)
    for n in range(2):
        found[f"deelzaak{n}"] = ZaakFactory(
            zaaktype=plain,
            for_bsn=BSN,
            hoofdzaak=found["hoofdzaak"],
            relevante_andere_zaken=[{"url": zaak_url(found["open"]), "aard_relatie": "vervolg"}],
        )
    found["archived"] = ZaakFactory(zaaktype=plain, for_bsn=BSN, closed=True)
    services.zaak_update(
        zaak=found["archived"],
        archiefnominatie="vernietigen",
        archiefactiedatum=date(2040, 1, 1),
        startdatum_bewaartermijn=date(2027, 1, 1),
    )
    found["secret"] = ZaakFactory(
        zaaktype=plain, for_bsn=BSN, vertrouwelijkheidaanduiding="zeer_geheim"
    )
    # Stored JSON in shapes the serializer converts in its own ways (an import, a migration):
    # the lean path hands these rows to the serializer.
    found["odd"] = ZaakFactory(zaaktype=plain, for_bsn=BSN)
    Zaak.objects.filter(pk=found["odd"].pk).update(
        producten_of_diensten=[5, None],
        opschorting={"indicatie": 1, "reden": ""},
        kenmerken=[{"kenmerk": 7, "bron": "x", "extra": True}],
        relevante_andere_zaken=[],
        verlenging={"reden": "Lang", "duur": "P1Y", "toelichting": "over"},
        zaakgeometrie={},
    )
    found["odd-null-group"] = ZaakFactory(zaaktype=plain, for_bsn=BSN)
    Zaak.objects.filter(pk=found["odd-null-group"].pk).update(
        processobject={
            "datumkenmerk": None,
            "identificatie": "",
            "objecttype": "",
            "registratie": "",
        }
    )
    return found


def _both(client: Any, monkeypatch: pytest.MonkeyPatch, method: str, path: str, **kw: Any) -> Any:
    """(serializer response, lean response) of one request."""
    send = getattr(client, method)
    with monkeypatch.context() as patch:
        patch.setattr(ZaakViewSet, "lean", lambda self: False)
        reference = send(path, **kw)
    return reference, send(path, **kw)


def _assert_same(reference: Any, answer: Any) -> None:
    assert answer.status_code == reference.status_code
    # A problem names its own instance (a fresh urn:uuid).
    if reference.status_code >= 400 and reference.content:
        assert {**answer.json(), "instance": ""} == {**reference.json(), "instance": ""}
        return
    assert answer.content == reference.content
    assert answer.get("ETag") == reference.get("ETag")


PATHS = [
    "zaken",
    "zaken?ordering=-startdatum",
    f"zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={BSN}",
    "zaken?einddatum__isnull=true",
    "zaken?expand=rollen,status,resultaat,deelzaken,hoofdzaak,zaakobjecten",
    "zaken?expand=eigenschappen,zaakinformatieobjecten,status.gezetdoor,rollen.statussen",
    "zaken?expand=hoofdzaak.rollen,deelzaken.status",
    "zaken?expand=onzin",
    "zaken?page=2",
    "zaken?page=99",
]


INP_BSN = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
# The BSN search in the shapes a client may send it (decision 0044: compiled once per shape).
BSN_PATHS = [
    f"zaken?{INP_BSN}={BSN}",
    f"zaken?{INP_BSN}=%20{BSN}%20",
    f"zaken?{INP_BSN}=",
    f"zaken?{INP_BSN}=999990019",
    f"zaken?{INP_BSN}=1&{INP_BSN}={BSN}",
    f"zaken?{INP_BSN}={BSN}%00",
    f"zaken?{INP_BSN}={BSN}&rol__omschrijvingGeneriek=initiator",
    f"zaken?{INP_BSN}={BSN}&rol__betrokkeneType=vestiging",
    f"zaken?{INP_BSN}={BSN}&expand=rollen,status,hoofdzaak,deelzaken",
    f"zaken?{INP_BSN}={BSN}&expand=onzin",
    f"zaken?{INP_BSN}={BSN}&page=1",
    f"zaken?{INP_BSN}={BSN}&page=3",
    f"zaken?{INP_BSN}={BSN}&ordering=-startdatum",
    "zaken?rol__betrokkeneIdentificatie__medewerker__identificatie=x"
    "&rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie=y",
]


@pytest.fixture
def world(settings: Any) -> dict[str, Any]:
    settings.API_PAGE_SIZE = 5  # several pages
    zaken = _zaken()
    zaaktypen = {zaak.zaaktype for zaak in zaken.values()}
    return {
        "zaken": zaken,
        "clients": {
            "alle": zaken_client(client_id="alle", alles=True),
            "limited": zaken_client(
                client_id="limited",
                zaaktypen={
                    zaaktype: (["zaken.lezen"], "beperkt_openbaar") for zaaktype in zaaktypen
                },
            ),
            "one-type": zaken_client(
                client_id="one-type",
                zaaktypen={zaken["open"].zaaktype: (["zaken.lezen"], "zeer_geheim")},
            ),
        },
    }


@pytest.mark.parametrize("scope", ["alle", "limited", "one-type"])
def test_the_lean_zaken_list_answers_the_serializers_bytes(world, monkeypatch, scope):
    client = world["clients"][scope]
    for path in PATHS:
        _assert_same(*_both(client, monkeypatch, "get", f"{BASE}/{path}"))


@pytest.mark.parametrize("scope", ["alle", "limited", "one-type"])
@pytest.mark.parametrize("page_size", [5, 100])  # a full first page (the paginator counts); one
def test_the_bsn_search_answers_the_serializers_bytes(
    world, monkeypatch, settings, scope, page_size
):
    settings.API_PAGE_SIZE = page_size
    client = world["clients"][scope]
    for path in BSN_PATHS:
        _assert_same(*_both(client, monkeypatch, "get", f"{BASE}/{path}"))


@pytest.mark.parametrize("scope", ["alle", "limited", "one-type"])
def test_a_zaak_that_does_not_exist_answers_as_before(world, monkeypatch, scope):
    client = world["clients"][scope]
    path = f"{BASE}/zaken/00000000-0000-4000-8000-000000000001"
    _assert_same(*_both(client, monkeypatch, "get", path))


@pytest.mark.parametrize("scope", ["alle", "limited", "one-type"])
@pytest.mark.parametrize("expand", ["", "?expand=rollen,status,resultaat,eigenschappen,hoofdzaak"])
def test_the_lean_zaak_detail_answers_the_serializers_bytes_and_etag(
    world, monkeypatch, scope, expand
):
    client = world["clients"][scope]
    for zaak in world["zaken"].values():
        reference, answer = _both(client, monkeypatch, "get", f"{BASE}/zaken/{zaak.uuid}{expand}")
        _assert_same(reference, answer)
        etag = reference.get("ETag")
        if etag:  # a conditional request answers 304 the same way
            reference, answer = _both(
                client, monkeypatch, "get", f"{BASE}/zaken/{zaak.uuid}", HTTP_IF_NONE_MATCH=etag
            )
            _assert_same(reference, answer)
        _assert_same(*_both(client, monkeypatch, "head", f"{BASE}/zaken/{zaak.uuid}"))


def test_the_lean_zoek_answers_the_serializers_bytes(world, monkeypatch):
    zaken = world["zaken"]
    body = {
        "uuid__in": [str(zaak.uuid) for zaak in zaken.values()],
        "zaakgeometrie": {
            "within": {
                "type": "Polygon",
                "coordinates": [[[4, 51], [6, 51], [6, 53], [4, 53], [4, 51]]],
            }
        },
    }
    for client in world["clients"].values():
        for payload in (body, {"identificatie": zaken["open"].identificatie}, {}):
            _assert_same(
                *_both(
                    client,
                    monkeypatch,
                    "post",
                    f"{BASE}/zaken/_zoek?expand=rollen",
                    data=payload,
                    content_type="application/json",
                )
            )


def test_the_lean_read_logs_the_same_persons(world, monkeypatch):
    client = world["clients"]["alle"]
    for path in (f"{BASE}/zaken", f"{BASE}/zaken/{world['zaken']['full'].uuid}?expand=hoofdzaak"):
        before = Verwerkingsactie.objects.count()
        _both(client, monkeypatch, "get", path)
        reference, answer = Verwerkingsactie.objects.order_by("pk")[before:]
        assert sorted(o.object_pseudonym for o in answer.verwerkte_objecten.all()) == sorted(
            o.object_pseudonym for o in reference.verwerkte_objecten.all()
        )
        assert answer.verwerking_naam == reference.verwerking_naam


def test_the_lean_detail_reads_the_zaak_in_two_queries_and_logs_in_one(world, monkeypatch):
    client = world["clients"]["alle"]
    path = f"{BASE}/zaken/{world['zaken']['full'].uuid}"
    client.get(path)  # the client's credentials are read once, then kept
    with monkeypatch.context() as patch:
        patch.setattr(ZaakViewSet, "lean", lambda self: False)
        with CaptureQueriesContext(connection) as serializer_queries:
            client.get(path)
    with CaptureQueriesContext(connection) as lean_queries:
        client.get(path)
    # the zaak, its children (with the rollen's parties), the log; the serializer path
    # needs five prefetches and a query for the persons more.
    assert len(lean_queries) <= len(serializer_queries) - 5


def test_an_odd_row_is_left_to_the_serializer(world):
    rows = list(lean.zaak_rows(Zaak.objects.filter(pk=world["zaken"]["odd"].pk)))
    linked, _ = lean.children([rows[0].pk], rows=rows)
    representer = lean.Representer(Links(RequestFactory().get("/")))
    with pytest.raises(lean.Fallback):
        representer.represent(rows[0], linked[rows[0].pk])


def test_a_zaak_row_answers_attributes_like_a_zaak(world):
    zaak = world["zaken"]["deelzaak0"]
    row = lean.zaak_rows(Zaak.objects.filter(pk=zaak.pk)).get()
    assert (row.pk, row.uuid, row.hoofdzaak_id, row.status_id) == (
        zaak.pk,
        zaak.uuid,
        zaak.hoofdzaak_id,
        zaak.status_id,
    )
    with pytest.raises(AttributeError):
        row.no_such_column  # noqa: B018


def test_links_follow_the_host_of_the_request(world, monkeypatch):
    client = world["clients"]["alle"]
    reference, answer = _both(
        client, monkeypatch, "get", f"{BASE}/zaken", HTTP_HOST="localhost", secure=True
    )
    _assert_same(reference, answer)
    assert b"https://localhost/zaken/api/v1/zaken/" in answer.content
