"""The beheer screens (/medewerker/beheer/): only for beheerders; editing texts, releasing,
preview, history, import/export and branding (decision 0036)."""

from __future__ import annotations

import io

import pytest

from mijnservices.kcc.tests.test_policy import KCC
from mijnservices.services.access.employees import Detail, zaak_detail
from mijnservices.services.presentation.exchange import zaaktype_export
from mijnservices.services.presentation.models import PresentationChange, ZaaktypePresentation
from mijnservices.services.presentation.services import presentation_release
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db

PAGES = [
    "/medewerker/beheer/",
    "/medewerker/beheer/huisstijl/",
    "/medewerker/beheer/import/",
    "/medewerker/beheer/zaaktype/ZT-A/",
    "/medewerker/beheer/zaaktype/ZT-A/voorbeeld/",
    "/medewerker/beheer/zaaktype/ZT-A/geschiedenis/",
    "/medewerker/beheer/zaaktype/ZT-A/export/",
]


@pytest.mark.parametrize("role", ["kcc", "behandelaar_a", "auditor", "manager", "none"])
def test_only_beheerders_reach_the_beheer_screens(employee_client, world, role):
    client = employee_client(role)
    assert {client.get(page).status_code for page in PAGES} == {404}


def test_a_beheerder_sees_every_beheer_page(employee_client, world):
    client = employee_client("beheerder")
    assert {page: client.get(page).status_code for page in PAGES} == dict.fromkeys(PAGES, 200)
    assert "/medewerker/beheer/" in client.get("/medewerker/").content.decode()


def _form(client, identificatie: str = "ZT-A") -> dict[str, str]:
    data = {
        "title_nl": "Parkeervergunning",
        "title_en": "Parking permit",
        "description_nl": "",
        "description_en": "",
        "auth_level": "",
        "silence_days": "",
        "department": "",
        "upload_document_type": "",
        "answer_term_days": "5",
    }
    for n in range(4):
        data[f"step{n}_text_nl"] = f"Nieuwe tekst {n + 1}"
        data[f"step{n}_text_en"] = f"New text {n + 1}"
        data[f"step{n}_expected_days"] = "3"
    return data


def test_saving_the_texts_records_who_and_shows_them_to_citizens(employee_client, world, client):
    beheer = employee_client("beheerder")
    response = beheer.post("/medewerker/beheer/zaaktype/ZT-A/", _form(beheer))
    assert response.status_code == 302
    change = PresentationChange.objects.get()
    assert change.changed_by_name and change.snapshot["title_en"] == "Parking permit"
    history = beheer.get("/medewerker/beheer/zaaktype/ZT-A/geschiedenis/").content.decode()
    assert change.changed_by_name in history
    preview = beheer.get("/medewerker/beheer/zaaktype/ZT-A/voorbeeld/?taal=en").content.decode()
    assert "New text 2" in preview and 'lang="en"' in preview and "Parking permit" in preview
    preview_nl = beheer.get("/medewerker/beheer/zaaktype/ZT-A/voorbeeld/").content.decode()
    assert "Nieuwe tekst 2" in preview_nl


def test_a_bad_value_is_refused_with_the_field_marked(employee_client, world):
    beheer = employee_client("beheerder")
    data = {**_form(beheer), "answer_term_days": "veel"}
    response = beheer.post("/medewerker/beheer/zaaktype/ZT-A/", data)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not PresentationChange.objects.exists()


def test_hiding_a_product_keeps_it_visible_to_the_kcc(employee_client, world):
    beheer = employee_client("beheerder")
    beheer.post("/medewerker/beheer/zaaktype/ZT-A/vrijgeven/", {"shown": "0"})
    assert ZaaktypePresentation.objects.get(zaaktype_identificatie="ZT-A").shown_in_portal is False
    beheer.post("/medewerker/uitloggen/")
    kcc = employee_client("kcc")
    assert kcc.get(f"/medewerker/zaak/{world.zaak_a.uuid}/").status_code == 200


def test_the_start_page_lists_what_is_missing_before_release(employee_client, world):
    page = employee_client("beheerder").get("/medewerker/beheer/").content.decode()
    assert "ZT-A" in page and "Geen openbare titel in het Engels." in page


def test_an_exported_product_imports_through_the_page_and_a_bad_file_is_refused(
    employee_client, db
):
    zaaktype = published_zaaktype(identificatie="ZT-X")
    content = zaaktype_export(zaaktype=zaaktype)
    beheer = employee_client("beheerder")
    bad = io.BytesIO(b"not a zip")
    bad.name = "bad.zip"
    response = beheer.post("/medewerker/beheer/import/", {"file": bad})
    assert response.status_code == 400 and "geen zipbestand" in response.content.decode()
    good = io.BytesIO(content)
    good.name = "zaaktype.zip"
    response = beheer.post("/medewerker/beheer/import/", {"file": good})
    assert response.status_code == 200 and 'id="import-report"' in response.content.decode()


def test_branding_changes_show_on_the_citizen_pages(employee_client, world, client, settings):
    beheer = employee_client("beheerder")
    response = beheer.post(
        "/medewerker/beheer/huisstijl/",
        {
            "contact_phone": "14 0777",
            "contact_hours_nl": "elke werkdag",
            "privacy_url": "javascript:x",
        },
    )
    assert response.status_code == 200  # the unsafe address is refused
    beheer.post("/medewerker/beheer/huisstijl/", {"contact_phone": "14 0777"})
    assert "14 0777" in client.get("/").content.decode()


def test_switching_off_and_on_is_reversible(world):
    presentation_release(identificatie="ZT-C", shown=False)
    presentation_release(identificatie="ZT-C", shown=True)
    assert PresentationChange.objects.count() == 2


def test_the_beheerder_decides_what_the_kcc_sees_and_it_holds_on_the_next_request(
    employee_client, world
):
    beheer = employee_client("beheerder")
    page = beheer.get("/medewerker/beheer/zaaktype/ZT-C/").content.decode()
    assert 'name="released_for_kcc"' in page and 'id="id_released_for_kcc" checked' not in page
    response = beheer.post(
        "/medewerker/beheer/zaaktype/ZT-C/kcc/", {"released_for_kcc": "on", "social_domain": "on"}
    )
    assert response.status_code == 302
    change = PresentationChange.objects.get(presentation__zaaktype_identificatie="ZT-C")
    assert change.what == "KCC access: released, social domain (no documents)"
    assert change.changed_by_name
    page = beheer.get("/medewerker/beheer/zaaktype/ZT-C/").content.decode()
    assert 'id="id_released_for_kcc" checked' in page
    beheer.post("/medewerker/uitloggen/")

    kcc = employee_client("kcc")
    assert kcc.get(f"/medewerker/zaak/{world.zaak_c.uuid}/").status_code == 200
    assert zaak_detail(KCC, world.zaak_c) == Detail.STATUS  # social domain: no documents


def test_withdrawing_the_release_hides_the_zaken_from_the_kcc(employee_client, world):
    beheer = employee_client("beheerder")
    beheer.post("/medewerker/beheer/zaaktype/ZT-A/kcc/", {})
    beheer.post("/medewerker/uitloggen/")
    assert zaak_detail(KCC, world.zaak_a) == Detail.NONE
    assert employee_client("kcc").get(f"/medewerker/zaak/{world.zaak_a.uuid}/").status_code == 404


@pytest.mark.parametrize("role", ["kcc", "behandelaar_a", "manager"])
def test_only_a_beheerder_changes_what_the_kcc_sees(employee_client, world, role):
    response = employee_client(role).post(
        "/medewerker/beheer/zaaktype/ZT-C/kcc/", {"released_for_kcc": "on"}
    )
    assert response.status_code == 404
    assert zaak_detail(KCC, world.zaak_c) == Detail.NONE
