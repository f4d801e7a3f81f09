"""Every read operation of every API we publish (walked from the committed OpenAPI
documents) that answers with a person's data writes a verwerkingsactie naming that person.

One zaak with a BSN initiator, a document, a status, a resultaat and a besluit with a
letter; each GET is called once (list paths first, details with an id from their list)
with ``expand`` where the operation offers it. A response "has personal data" when it
holds the BSN or represents (``url``) the zaak, its rol, a document or the besluit."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from mijnservices.api.schema import APIS
from mijnservices.core.identity import Party
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing.api import api_client
from mijnservices.testing.documents import besluit_on, zaak_document, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory

pytestmark = pytest.mark.django_db
BSN = "999993653"
PERSON = Party(kind="bsn", identifier=BSN)
# expand values per resource that bring the person into a response that has none itself.
EXPAND = {
    "statussen": "zaak.rollen",
    "resultaten": "zaak.rollen",
    "zaakinformatieobjecten": "zaak.rollen",
    "zaakobjecten": "zaak.rollen",
    "rollen": "zaak",
    "objectinformatieobjecten": "informatieobject",
    "gebruiksrechten": "informatieobject",
    "verzendingen": "informatieobject",
    "besluitinformatieobjecten": "besluit",
}


def _seed() -> tuple[dict[str, str], set[str]]:
    zaaktype = zaaktype_with_uploads()
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn=BSN)
    zaken_services.status_set(zaak=zaak, statustype=zaaktype.statustypen.first())
    zaken_services.resultaat_set(zaak=zaak, resultaattype=zaaktype.resultaattypen.first())
    document = zaak_document(zaak)
    besluit = besluit_on(zaak)
    letters = {
        bio.informatieobject.rsplit("/", 1)[-1] for bio in besluit.besluitinformatieobjecten.all()
    }
    parents = {
        "zaak_uuid": str(zaak.uuid),
        "besluit_uuid": str(besluit.uuid),
        "enkelvoudiginformatieobject_uuid": str(document.uuid),
    }
    return parents, {
        str(zaak.uuid),
        str(document.uuid),
        str(besluit.uuid),
        *letters,
        *(str(rol.uuid) for rol in zaak.rollen.all()),
    }


def _represents(value: Any, linked: set[str]) -> bool:
    if isinstance(value, dict):
        url = value.get("url")
        if isinstance(url, str) and url.rstrip("/").rsplit("/", 1)[-1] in linked:
            return True
        return any(_represents(item, linked) for item in value.values())
    if isinstance(value, list):
        return any(_represents(item, linked) for item in value)
    return False


def _first_id(body: Any) -> str | None:
    items = body.get("results") if isinstance(body, dict) else body
    if isinstance(items, list) and items and isinstance(items[0], dict):
        url = items[0].get("url")
        if isinstance(url, str):
            return url.rstrip("/").rsplit("/", 1)[-1]
    return None


def _get_operations() -> list[tuple[str, str, bool]]:
    found = []
    for api in APIS.values():
        document = yaml.safe_load(api.committed.read_text())
        base = document["servers"][0]["url"]
        for path, operations in document["paths"].items():
            get = operations.get("get")
            if get is None or path.endswith("/schema/openapi.yaml"):
                continue
            params = {p.get("name") for p in get.get("parameters", []) if isinstance(p, dict)}
            found.append((base, path, "expand" in params))
    # Lists before details: a detail takes its id from its list.
    return sorted(found, key=lambda op: (op[1].count("{"), op[0], op[1]))


def test_every_read_with_personal_data_writes_a_verwerkingsactie():
    parents, linked = _seed()
    zaak_uuid = parents["zaak_uuid"]
    client = api_client(client_id="alles", heeft_alle_autorisaties=True)
    headers = {"Accept-Crs": "EPSG:4326"}
    # A rol written through the API: the zaak's audit trail now holds the BSN too.
    roltype = ZaakType.objects.get().roltypen.first()
    created = client.post(
        "/zaken/api/v1/rollen",
        {
            "zaak": f"http://testserver/zaken/api/v1/zaken/{zaak_uuid}",
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": f"http://testserver/catalogi/api/v1/roltypen/{roltype.uuid}",
            "roltoelichting": "Belanghebbende",
            "betrokkeneIdentificatie": {"inpBsn": BSN},
        },
        content_type="application/json",
        headers={**headers, "Content-Crs": "EPSG:4326"},
    )
    assert created.status_code == 201, created.content
    linked.add(created.json()["url"].rsplit("/", 1)[-1])
    ids: dict[str, str] = {}
    personal, unlogged, skipped = [], [], []
    for base, path, expandable in _get_operations():
        names = re.findall(r"{(\w+)}", path)
        values = dict(parents)
        if "uuid" in names:
            collection = path.split("/{uuid}")[0]
            if f"{base}{collection}" not in ids:
                skipped.append(f"{base}{path}")
                continue
            values["uuid"] = ids[f"{base}{collection}"]
        if set(names) - set(values):
            skipped.append(f"{base}{path}")
            continue
        url = base + path.format(**values)
        resource = path.strip("/").split("/")[0]
        query = {"expand": EXPAND[resource]} if expandable and resource in EXPAND else {}
        before = len(verwerkingen_for(PERSON))
        response = client.get(url, query, headers=headers)
        if response.status_code != 200:
            skipped.append(f"{url} {response.status_code}")
            continue
        if response.get("Content-Type", "").startswith("application/json"):
            body = json.loads(response.content)
            if "uuid" not in names:
                first = _first_id(body)
                if first:
                    ids[f"{base}{path}"] = first
            has_person = BSN in response.content.decode() or _represents(body, linked)
        else:  # a download: the document's content
            has_person = any(part in linked for part in url.split("/"))
        if has_person:
            personal.append(url)
            if len(verwerkingen_for(PERSON)) == before:
                unlogged.append(url)
    assert unlogged == [], unlogged
    # The walk reached the reads that matter (it cannot pass by skipping everything).
    reached = " ".join(personal)
    for expected in (
        "/zaken/api/v1/zaken/",
        "/zaken/api/v1/rollen/",
        "/zaken/api/v1/statussen/",
        "/documenten/api/v1/enkelvoudiginformatieobjecten/",
        "/download",
        "/documenten/api/v1/objectinformatieobjecten/",
        "/besluiten/api/v1/besluiten/",
        "/besluiten/api/v1/besluitinformatieobjecten/",
        f"/zaken/api/v1/zaken/{zaak_uuid}/besluiten",
        f"/zaken/api/v1/zaken/{zaak_uuid}/audittrail",
    ):
        assert expected in reached, (expected, personal, skipped)
