"""Klantinteracties API 0.9.0: klantcontacten, betrokkenen, onderwerpobjecten, bijlagen,
actoren, actorklantcontacten, internetaken and maak-klantcontact."""

from __future__ import annotations

import pytest

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.models import (
    Actor,
    Betrokkene,
    Internetaak,
    Klantcontact,
    Onderwerpobject,
)
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.testing import klantinteracties as ki
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.queries import personal_read_log_queries

pytestmark = pytest.mark.django_db
BASE = "/klantinteracties/api/v1"
JSON = "application/json"
ZAAK = "http://testserver/zaken/api/v1/zaken/7f1c3b43-6a5a-4d2c-9a55-0c0f4d7a1e11"
CONTACT = {
    "kanaal": "telefoon",
    "onderwerp": "Vraag over de vergunning",
    "inhoud": "Wanneer hoor ik iets?",
    "taal": "nld",
    "vertrouwelijk": False,
    "plaatsgevondenOp": "2026-03-01T10:00:00+01:00",
}


def ok(response, code=200):
    assert response.status_code == code, response.content
    assert_matches_official_spec("klantinteracties", response)
    return response.json()


def test_creating_reading_and_updating_a_klantcontact():
    client = ki.kic_client()
    body = ok(client.post(f"{BASE}/klantcontacten", CONTACT, content_type=JSON), 201)
    assert body["kanaal"] == "telefoon"
    assert len(body["nummer"]) == 10
    assert body["hadBetrokkenen"] == []
    assert OutboxEvent.objects.filter(kanaal="klantinteracties", resource="klantcontact").exists()
    url = f"{BASE}/klantcontacten/{body['uuid']}"
    body = ok(
        client.patch(
            url,
            {"reactie": "Binnen 5 werkdagen.", "indicatieContactGelukt": True},
            content_type=JSON,
        )
    )
    assert body["reactie"] == "Binnen 5 werkdagen."
    assert ok(client.get(url))["indicatieContactGelukt"] is True
    assert client.delete(url).status_code == 204
    assert not Klantcontact.objects.filter(uuid=body["uuid"]).exists()


def test_a_klantcontact_of_long_ago_answers_a_date_time_the_spec_admits():
    # Found by fuzzing: before 1900 Amsterdam's offset was +00:19:32, which no RFC 3339
    # date-time can express; such a moment is answered in UTC.
    contact = {**CONTACT, "plaatsgevondenOp": "0607-07-21T21:35:38Z"}
    body = ok(ki.kic_client().post(f"{BASE}/klantcontacten", contact, content_type=JSON), 201)
    assert body["plaatsgevondenOp"] == "0607-07-21T21:35:38Z"


def test_a_klantcontact_without_kanaal_is_refused_as_problem_json():
    response = ki.kic_client().post(
        f"{BASE}/klantcontacten", {**CONTACT, "kanaal": ""}, content_type=JSON
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "kanaal" in [p["name"] for p in response.json()["invalidParams"]]


def test_klantcontacten_are_filtered_on_the_partij_of_their_betrokkene():
    mine = ki.klantcontact(ki.PERSON)
    ki.klantcontact(ki.OTHER_PERSON)
    body = ok(
        ki.kic_client().get(
            f"{BASE}/klantcontacten",
            {
                "hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId": "bsn",
                "hadBetrokkene__wasPartij__partijIdentificator__objectId": ki.PERSON.identifier,
            },
        )
    )
    assert [r["uuid"] for r in body["results"]] == [str(mine.uuid)]
    assert len(verwerkingen_for(ki.PERSON)) == 1
    assert verwerkingen_for(ki.OTHER_PERSON) == []


def test_klantcontacten_are_filtered_on_their_zaak():
    mine = ki.klantcontact(zaak_url=ZAAK)
    ki.klantcontact()
    body = ok(
        ki.kic_client().get(
            f"{BASE}/klantcontacten",
            {"onderwerpobject__onderwerpobjectidentificatorObjectId": ZAAK},
        )
    )
    assert [r["uuid"] for r in body["results"]] == [str(mine.uuid)]


def test_expand_on_a_klantcontact_gives_betrokkenen_with_their_partij():
    contact = ki.klantcontact(zaak_url=ZAAK, actor_naam="K. Medewerker")
    body = ok(
        ki.kic_client().get(
            f"{BASE}/klantcontacten/{contact.uuid}",
            {
                "expand": (
                    "hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,"
                    "gingOverOnderwerpobjecten"
                )
            },
        )
    )
    assert body["hadBetrokkenActoren"][0]["naam"] == "K. Medewerker"
    betrokkene = body["_expand"]["hadBetrokkenen"][0]
    assert betrokkene["_expand"]["wasPartij"]["soortPartij"] == "persoon"
    onderwerp = body["_expand"]["gingOverOnderwerpobjecten"][0]
    assert onderwerp["onderwerpobjectidentificator"]["objectId"] == ZAAK


def test_a_vertrouwelijk_klantcontact_needs_the_vertrouwelijk_scope():
    secret = ki.klantcontact(vertrouwelijk=True)
    ki.klantcontact()
    reader = ki.kic_client(client_id="reader", scopes=["klantinteracties.lezen"])
    assert ok(reader.get(f"{BASE}/klantcontacten"))["count"] == 1
    assert reader.get(f"{BASE}/klantcontacten/{secret.uuid}").status_code == 403
    betrokkene = secret.betrokkenen.get()
    assert reader.get(f"{BASE}/betrokkenen/{betrokkene.uuid}").status_code == 403
    assert ok(reader.get(f"{BASE}/betrokkenen"))["count"] == 1
    trusted = ki.kic_client(
        client_id="trusted",
        scopes=["klantinteracties.lezen", "klantinteracties.vertrouwelijk.lezen"],
    )
    assert ok(trusted.get(f"{BASE}/klantcontacten"))["count"] == 2


def test_a_client_without_kic_scopes_is_refused():
    contact = ki.klantcontact()
    client = ki.kic_client(scopes=["contactgegevens.lezen"])
    for path in ("klantcontacten", "betrokkenen", "internetaken", "onderwerpobjecten"):
        assert client.get(f"{BASE}/{path}").status_code == 403
    assert client.get(f"{BASE}/klantcontacten/{contact.uuid}").status_code == 403


def test_an_unknown_query_parameter_is_refused():
    assert ki.kic_client().get(f"{BASE}/klantcontacten", {"bsn": "1"}).status_code == 400


def test_betrokkenen_crud_and_filter():
    contact = ki.klantcontact()
    partij = ki.partij(ki.OTHER_PERSON)
    client = ki.kic_client()
    body = ok(
        client.post(
            f"{BASE}/betrokkenen",
            {
                "hadKlantcontact": {"uuid": str(contact.uuid)},
                "wasPartij": {"uuid": str(partij.uuid)},
                "rol": "vertegenwoordiger",
                "initiator": False,
                "contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"},
            },
            content_type=JSON,
        ),
        201,
    )
    assert body["volledigeNaam"] == "Jan Jansen"
    listed = ok(client.get(f"{BASE}/betrokkenen", {"wasPartij__uuid": str(partij.uuid)}))
    assert [r["uuid"] for r in listed["results"]] == [body["uuid"]]
    url = f"{BASE}/betrokkenen/{body['uuid']}"
    assert ok(client.patch(url, {"rol": "klant"}, content_type=JSON))["rol"] == "klant"
    assert ok(client.get(url, {"expand": "digitaleAdressen"}))["_expand"]["digitaleAdressen"] == []
    assert client.delete(url).status_code == 204
    assert not Betrokkene.objects.filter(uuid=body["uuid"]).exists()


def test_a_betrokkene_with_an_unknown_klantcontact_is_refused():
    response = ki.kic_client().post(
        f"{BASE}/betrokkenen",
        {
            "hadKlantcontact": {"uuid": "7f1c3b43-6a5a-4d2c-9a55-0c0f4d7a1e11"},
            "rol": "klant",
            "initiator": True,
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    assert "hadKlantcontact" in [p["name"] for p in response.json()["invalidParams"]]


def test_an_answer_links_back_to_the_question_as_was_klantcontact():
    vraag = ki.klantcontact(kanaal="portaal", onderwerp="Vraag", zaak_url=ZAAK)
    antwoord = services.klantcontact_answer(vraag=vraag, antwoord="Ja.", actor_naam="KCC")
    client = ki.kic_client()
    body = ok(client.get(f"{BASE}/onderwerpobjecten", {"wasKlantcontact__uuid": str(vraag.uuid)}))
    assert body["count"] == 1
    item = body["results"][0]
    assert item["klantcontact"]["uuid"] == str(antwoord.uuid)
    assert item["wasKlantcontact"]["uuid"] == str(vraag.uuid)
    follow_ups = ok(
        client.get(f"{BASE}/klantcontacten", {"wasOnderwerpobject__uuid": item["uuid"]})
    )
    assert [r["uuid"] for r in follow_ups["results"]] == [str(vraag.uuid)]


def test_onderwerpobjecten_and_bijlagen_crud():
    contact = ki.klantcontact()
    client = ki.kic_client()
    onderwerp = ok(
        client.post(
            f"{BASE}/onderwerpobjecten",
            {
                "klantcontact": {"uuid": str(contact.uuid)},
                "onderwerpobjectidentificator": {
                    "objectId": ZAAK,
                    "codeObjecttype": "zgw-Zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "url",
                },
            },
            content_type=JSON,
        ),
        201,
    )
    assert Onderwerpobject.objects.get(uuid=onderwerp["uuid"]).object_id == ZAAK
    bijlage = ok(
        client.post(
            f"{BASE}/bijlagen",
            {
                "wasBijlageVanKlantcontact": {"uuid": str(contact.uuid)},
                "bijlageidentificator": {"objectId": "doc-1", "codeObjecttype": "document"},
            },
            content_type=JSON,
        ),
        201,
    )
    assert (
        ok(client.get(f"{BASE}/bijlagen", {"klantcontact__uuid": str(contact.uuid)}))["count"] == 1
    )
    assert (
        ok(client.get(f"{BASE}/klantcontacten/{contact.uuid}"))["omvatteBijlagen"][0]["uuid"]
        == bijlage["uuid"]
    )
    assert client.delete(f"{BASE}/onderwerpobjecten/{onderwerp['uuid']}").status_code == 204
    assert client.delete(f"{BASE}/bijlagen/{bijlage['uuid']}").status_code == 204


def test_actoren_actorklantcontacten_and_internetaken():
    contact = ki.klantcontact()
    client = ki.kic_client()
    actor = ok(
        client.post(
            f"{BASE}/actoren",
            {
                "naam": "Team Burgerzaken",
                "soortActor": "organisatorische_eenheid",
                "indicatieActief": True,
                "actorIdentificatie": {"omschrijving": "Burgerzaken"},
            },
            content_type=JSON,
        ),
        201,
    )
    assert actor["soortActor"] == "organisatorische_eenheid"
    link = ok(
        client.post(
            f"{BASE}/actorklantcontacten",
            {"actor": {"uuid": actor["uuid"]}, "klantcontact": {"uuid": str(contact.uuid)}},
            content_type=JSON,
        ),
        201,
    )
    assert (
        ok(client.get(f"{BASE}/actorklantcontacten", {"actor__uuid": actor["uuid"]}))["count"] == 1
    )
    taak = ok(
        client.post(
            f"{BASE}/internetaken",
            {
                "gevraagdeHandeling": "Terugbellen",
                "aanleidinggevendKlantcontact": {"uuid": str(contact.uuid)},
                "toegewezenAanActoren": [{"uuid": actor["uuid"]}],
                "status": "te_verwerken",
            },
            content_type=JSON,
        ),
        201,
    )
    assert taak["toegewezenAanActor"]["uuid"] == actor["uuid"]
    assert (
        ok(client.get(f"{BASE}/internetaken", {"actoren__naam": "Team Burgerzaken"}))["count"] == 1
    )
    done = ok(
        client.patch(
            f"{BASE}/internetaken/{taak['uuid']}", {"status": "verwerkt"}, content_type=JSON
        )
    )
    assert done["afgehandeldOp"] is not None
    assert ok(client.get(f"{BASE}/klantcontacten", {"leiddeTotInterneTaken": "true"}))["count"] == 1
    assert client.delete(f"{BASE}/actorklantcontacten/{link['uuid']}").status_code == 204
    assert client.delete(f"{BASE}/internetaken/{taak['uuid']}").status_code == 204
    assert client.delete(f"{BASE}/actoren/{actor['uuid']}").status_code == 204
    assert not Actor.objects.filter(uuid=actor["uuid"]).exists()
    assert not Internetaak.objects.exists()


def test_an_actor_of_an_unknown_soort_is_refused():
    response = ki.kic_client().post(
        f"{BASE}/actoren", {"naam": "X", "soortActor": "robot"}, content_type=JSON
    )
    assert response.status_code == 400


def test_maak_klantcontact_makes_the_contact_betrokkene_and_onderwerpobject_together():
    partij = ki.partij()
    body = ok(
        ki.kic_client().post(
            f"{BASE}/maak-klantcontact",
            {
                "klantcontact": CONTACT,
                "betrokkene": {
                    "wasPartij": {"uuid": str(partij.uuid)},
                    "rol": "klant",
                    "initiator": True,
                },
                "onderwerpobject": {
                    "onderwerpobjectidentificator": {
                        "objectId": ZAAK,
                        "codeObjecttype": "zgw-Zaak",
                        "codeRegister": "openzaak",
                        "codeSoortObjectId": "url",
                    }
                },
            },
            content_type=JSON,
        ),
        201,
    )
    contact = Klantcontact.objects.get(uuid=body["klantcontact"]["uuid"])
    assert body["betrokkene"]["hadKlantcontact"]["uuid"] == str(contact.uuid)
    assert body["onderwerpobject"]["klantcontact"]["uuid"] == str(contact.uuid)
    assert contact.betrokkenen.get().partij == partij


def test_maak_klantcontact_makes_nothing_when_a_part_is_invalid():
    response = ki.kic_client().post(
        f"{BASE}/maak-klantcontact",
        {"klantcontact": CONTACT, "betrokkene": {"rol": "baas", "initiator": True}},
        content_type=JSON,
    )
    assert response.status_code == 400
    assert not Klantcontact.objects.exists()


# Queries per list request (authentication, count, page, prefetches, verwerking log).
# No COUNT(*) when the page read is the last one (decision 0035).
QUERIES = {
    "klantcontacten": 17 + personal_read_log_queries(),
    "betrokkenen": 5 + personal_read_log_queries(),
    "internetaken": 4,
}


def _rows(count):
    for i in range(count):
        party = ki.Party(kind="bsn", identifier=f"30000000{i}", name=f"P{i}")
        contact = ki.klantcontact(party, zaak_url=ZAAK, actor_naam="KCC")
        services.record_create(
            model=Internetaak,
            values={
                "klantcontact": contact,
                "gevraagde_handeling": "Bellen",
                "status": "te_verwerken",
            },
            many={"toegewezen_aan_actoren": list(Actor.objects.all()[:1])},
        )


@pytest.mark.parametrize("rows", [1, 6])
@pytest.mark.parametrize(
    ("path", "expand"),
    [
        (
            "klantcontacten",
            "hadBetrokkenen.wasPartij,leiddeTotInterneTaken,gingOverOnderwerpobjecten",
        ),
        ("betrokkenen", "digitaleAdressen"),
        ("internetaken", ""),
    ],
)
def test_lists_take_a_constant_number_of_queries(rows, path, expand, django_assert_num_queries):
    client = ki.kic_client()
    _rows(rows)
    params = {"expand": expand} if expand else {}
    with django_assert_num_queries(QUERIES[path]):
        body = ok(client.get(f"{BASE}/{path}", params))
    assert body["count"] == rows


def test_deleting_an_onderwerpobject_with_cascade_removes_an_unused_klantcontact():
    contact = ki.klantcontact(zaak_url=ZAAK)
    onderwerp = contact.onderwerpobjecten.get()
    response = ki.kic_client().delete(f"{BASE}/onderwerpobjecten/{onderwerp.uuid}?cascade=true")
    body = ok(response)
    assert body == {"behouden": []}
    assert not Klantcontact.objects.filter(pk=contact.pk).exists()


def test_cascade_keeps_a_klantcontact_another_onderwerpobject_uses():
    vraag = ki.klantcontact(kanaal="portaal", onderwerp="Vraag", zaak_url=ZAAK)
    antwoord = services.klantcontact_answer(vraag=vraag, antwoord="Ja.", actor_naam="KCC")
    link = Onderwerpobject.objects.get(was_klantcontact=vraag)
    body = ok(ki.kic_client().delete(f"{BASE}/onderwerpobjecten/{link.uuid}?cascade=true"))
    # The question keeps its zaak onderwerpobject; the answer had only the link.
    assert body["behouden"] == [f"http://testserver{BASE}/klantcontacten/{vraag.uuid}"]
    assert not Klantcontact.objects.filter(pk=antwoord.pk).exists()


def test_an_expanded_partij_does_not_reveal_its_vertrouwelijk_contacts():
    ki.klantcontact(vertrouwelijk=True)
    open_contact = ki.klantcontact()
    reader = ki.kic_client(client_id="reader", scopes=["klantinteracties.lezen"])
    body = ok(
        reader.get(
            f"{BASE}/klantcontacten/{open_contact.uuid}", {"expand": "hadBetrokkenen.wasPartij"}
        )
    )
    partij = body["_expand"]["hadBetrokkenen"][0]["_expand"]["wasPartij"]
    assert [b["uuid"] for b in partij["betrokkenen"]] == [str(open_contact.betrokkenen.get().uuid)]
