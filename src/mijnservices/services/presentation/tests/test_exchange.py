"""Export and import of zaaktypen with their presentation: a round trip onto an empty instance
reproduces the zaaktype exactly; Open Zaak's export imports; a bad file changes nothing."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator

import pytest
from django.utils import translation

from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)
from mijnservices.services.presentation.exchange import zaaktype_export
from mijnservices.services.presentation.importing import ImportRefused, catalogue_import
from mijnservices.services.presentation.models import ZaaktypePresentation
from mijnservices.services.presentation.services import presentation_update
from mijnservices.testing.builders import published_zaaktype_with_relations
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def _files(content: bytes) -> dict[str, object]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        text = {name: archive.read(name).decode() for name in archive.namelist()}
    # uuids differ between instances; everything else must be equal.
    return {name: json.loads(re.sub(r"urn:mijnservices:(\w+):[0-9a-f-]+", r"\1", body))
            for name, body in text.items()}  # fmt: skip


def _zip(files: dict[str, object]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, items in files.items():
            archive.writestr(name, items if isinstance(items, str) else json.dumps(items))
    return buffer.getvalue()


def _empty_instance() -> None:
    ZaaktypePresentation.objects.all().delete()
    ZaakType.objects.all().delete()
    BesluitType.objects.all().delete()
    InformatieObjectType.objects.all().delete()
    Catalogus.objects.all().delete()


def test_export_then_import_on_an_empty_instance_reproduces_the_zaaktype_exactly():
    zaaktype = published_zaaktype(identificatie="ZT-RT", steps=3, doel="Bouwen")
    presentation_update(
        identificatie="ZT-RT",
        fields={"title_nl": "Bouwvergunning", "title_en": "Building permit",
                "auth_level": "digid_midden", "department": "Team Bouwen"},
        steps={"Stap 2": {"text_en": "We check your plans.", "expected_days": 12}},
    )  # fmt: skip
    before = zaaktype_export(zaaktype=zaaktype)
    _empty_instance()

    report = catalogue_import(content=before)

    assert len(report.created) == 2 and not report.skipped  # the zaaktype and its presentation
    after = zaaktype_export(zaaktype=ZaakType.objects.get(identificatie="ZT-RT"))
    assert _files(after) == _files(before)
    assert ZaakType.objects.get(identificatie="ZT-RT").concept is False


def test_a_round_trip_keeps_document_types_besluittypen_eigenschappen_and_their_links():
    zaaktype = published_zaaktype_with_relations(identificatie="ZT-REL")
    before = zaaktype_export(zaaktype=zaaktype)
    files = _files(before)
    assert [i["omschrijving"] for i in files["InformatieObjectType.json"]] == ["Besluitdocument"]
    assert files["ZaakType.json"][0]["besluittypen"] == ["besluittype"]
    _empty_instance()

    catalogue_import(content=before)

    imported = ZaakType.objects.get(identificatie="ZT-REL")
    assert _files(zaaktype_export(zaaktype=imported)) == files
    assert imported.concept is False and imported.besluittypen == ["Vergunning"]
    ziot = imported.zaaktype_informatieobjecttypen.get()
    assert (ziot.informatieobjecttype, ziot.statustype.omschrijving) == (
        "Besluitdocument",
        "Stap 2",
    )
    assert imported.eigenschappen.get().statustype.omschrijving == "Stap 2"
    assert imported.resultaattypen.get().besluittypen == ["Vergunning"]
    assert BesluitType.objects.get().informatieobjecttypen == ["Besluitdocument"]
    assert InformatieObjectType.objects.get().concept is False


def test_a_document_type_the_catalogue_has_already_is_used_as_it_is():
    content = zaaktype_export(zaaktype=published_zaaktype_with_relations(identificatie="ZT-A"))
    ZaakType.objects.filter(identificatie="ZT-A").delete()

    report = catalogue_import(content=content)

    assert InformatieObjectType.objects.count() == 1 and BesluitType.objects.count() == 1
    assert any("Besluitdocument" in line for line in report.skipped)
    assert ZaakType.objects.get(identificatie="ZT-A").besluittypen == ["Vergunning"]


def test_importing_the_same_file_again_skips_the_zaaktype_and_updates_the_presentation():
    content = zaaktype_export(zaaktype=published_zaaktype(identificatie="ZT-RT"))
    first = catalogue_import(content=content)  # the zaaktype exists; its presentation is new
    assert len(first.skipped) == 1 and len(first.created) == 1
    again = catalogue_import(content=content)
    assert len(again.skipped) == 1 and len(again.updated) == 1 and not again.created


OPEN_ZAAK = "https://openzaak.example.nl/catalogi/api/v1/"


def _open_zaak_export(*, steps: int = 2, doorlooptijd: str = "P8W") -> bytes:
    zaaktype = f"{OPEN_ZAAK}zaaktypen/1b0e7a1c-0000-4000-8000-000000000001"
    return _zip({
        "Catalogus.json": [{"url": f"{OPEN_ZAAK}catalogussen/c1", "domein": "OZ",
                            "rsin": "123456782", "naam": "Open Zaak catalogus",
                            "contactpersoonBeheerNaam": "Beheer"}],
        "ZaakType.json": [{"url": zaaktype, "catalogus": f"{OPEN_ZAAK}catalogussen/c1",
                           "identificatie": "OZ-AFVAL", "omschrijving": "Melding afval",
                           "doorlooptijd": doorlooptijd, "beginGeldigheid": "2024-01-01",
                           "vertrouwelijkheidaanduiding": "openbaar", "concept": False,
                           "besluittypen": [], "informatieobjecttypen": []}],
        "StatusType.json": [{"url": f"{OPEN_ZAAK}statustypen/s{n}", "zaaktype": zaaktype,
                             "volgnummer": n, "omschrijving": f"Fase {n}",
                             "statustekst": f"Tekst {n}", "informeren": n == 2}
                            for n in range(1, steps + 1)],
        "ResultaatType.json": [{"url": f"{OPEN_ZAAK}resultaattypen/r1", "zaaktype": zaaktype,
                                "omschrijving": "Afgehandeld",
                                "resultaattypeomschrijving": "https://selectielijst.example.nl/r/1",
                                "selectielijstklasse": "https://selectielijst.example.nl/k/1",
                                "archiefnominatie": "vernietigen",
                                "archiefactietermijn": "P1Y"}],
        "RolType.json": [{"url": f"{OPEN_ZAAK}roltypen/i1", "zaaktype": zaaktype,
                          "omschrijving": "Melder", "omschrijvingGeneriek": "initiator"}],
    })  # fmt: skip


def _open_zaak_export_with_documents(ziot_type: str) -> bytes:
    files = _files(_open_zaak_export())
    zaaktype = files["ZaakType.json"][0]["url"]  # type: ignore[index]
    iot = f"{OPEN_ZAAK}informatieobjecttypen/d1"
    files["InformatieObjectType.json"] = [
        {
            "url": iot,
            "catalogus": f"{OPEN_ZAAK}catalogussen/c1",
            "omschrijving": "Foto",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2024-01-01",
            "concept": False,
            "informatieobjectcategorie": "bijlage",
            "trefwoord": [],
        }
    ]
    files["ZaakTypeInformatieObjectType.json"] = [
        {
            "url": f"{OPEN_ZAAK}zaaktype-informatieobjecttypen/z1",
            "zaaktype": zaaktype,
            "informatieobjecttype": ziot_type or iot,
            "volgnummer": 1,
            "richting": "inkomend",
            "statustype": None,
        }
    ]
    return _zip(files)  # type: ignore[arg-type]


def test_an_open_zaak_export_with_document_types_links_them_to_the_zaaktype():
    catalogue_import(content=_open_zaak_export_with_documents(""))
    zaaktype = ZaakType.objects.get(identificatie="OZ-AFVAL")
    assert zaaktype.zaaktype_informatieobjecttypen.get().informatieobjecttype == "Foto"
    assert InformatieObjectType.objects.get(omschrijving="Foto").catalogus == zaaktype.catalogus


def test_an_open_zaak_catalogue_export_imports_hidden_from_the_portal():
    report = catalogue_import(content=_open_zaak_export())
    zaaktype = ZaakType.objects.get(identificatie="OZ-AFVAL")
    assert zaaktype.concept is False and zaaktype.bron_url == ""
    assert [s.statustekst for s in zaaktype.statustypen.all()] == ["Tekst 1", "Tekst 2"]
    assert zaaktype.catalogus.domein == "OZ"
    assert len(report.created) == 1
    assert (
        ZaaktypePresentation.objects.get(zaaktype_identificatie="OZ-AFVAL").shown_in_portal is False
    )


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"not a zip", "not a zip"),
        (_zip({"StatusType.json": []}), "ZaakType.json"),
        (_zip({"ZaakType.json": "{broken"}), "not valid JSON"),
        (_open_zaak_export(doorlooptijd="eight weeks"), "not a duration"),
        (_open_zaak_export(steps=1), "two statustypen"),  # cannot be published
        (
            _open_zaak_export_with_documents(f"{OPEN_ZAAK}informatieobjecttypen/x"),
            "not in the file",
        ),
    ],
)
def test_a_bad_file_changes_nothing_and_says_what_is_wrong(content, says):
    published_zaaktype(identificatie="ZT-EXISTING")
    counts = (
        ZaakType.objects.count(),
        Catalogus.objects.count(),
        ZaaktypePresentation.objects.count(),
        InformatieObjectType.objects.count(),
    )
    with pytest.raises(ImportRefused) as refused:
        catalogue_import(content=content)
    assert says in " ".join(refused.value.problems)
    assert counts == (
        ZaakType.objects.count(),
        Catalogus.objects.count(),
        ZaaktypePresentation.objects.count(),
        InformatieObjectType.objects.count(),
    )
