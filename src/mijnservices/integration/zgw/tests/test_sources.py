"""Registering a source on the command line and in the admin, against a real source process:
``add`` checks each API and imports the catalogue, ``check`` says plainly what does not work,
the secret is never shown back, ``remove`` takes the projection with it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET, SourceProcess

pytestmark = pytest.mark.django_db


def _add(source: SourceProcess, naam: str, secret: str, *extra: str) -> str:
    out = StringIO()
    call_command(
        "zgw_source",
        "add",
        naam,
        "--zaken",
        source.root("zaken"),
        "--catalogi",
        source.root("catalogi"),
        "--client-id",
        CLIENT_ID,
        "--secret",
        secret,
        *extra,
        stdout=out,
    )
    return out.getvalue()


def test_add_checks_the_apis_and_imports_the_catalogue_list_hides_the_secret_remove_cleans_up(
    source,
):
    source.published_zaaktype("ZT-CLI")
    added = _add(source, "openzaak", SECRET, "--zaaktype", "ZT-CLI")
    assert "ok   zaken: works" in added
    assert "ok   catalogi: works" in added
    assert "Imported 1 zaaktypen." in added
    projected = ZaakType.objects.get(identificatie="ZT-CLI")
    assert projected.bron_url.startswith(source.root("catalogi"))
    assert [st.omschrijving for st in projected.statustypen.order_by("volgnummer")] == [
        "Ontvangen",
        "In behandeling",
        "Afgerond",
    ]
    assert not projected.concept
    # Importing again adds nothing.
    assert "Imported 1 zaaktypen." in _add(source, "tweede", SECRET, "--zaaktype", "ZT-CLI")
    assert ZaakType.objects.filter(identificatie="ZT-CLI").count() == 1

    listed = StringIO()
    call_command("zgw_source", "list", stdout=listed)
    assert "openzaak" in listed.getvalue()
    assert SECRET not in listed.getvalue()

    call_command("zgw_source", "remove", "tweede", stdout=StringIO())
    call_command("zgw_source", "remove", "openzaak", stdout=StringIO())
    assert not ZgwSource.objects.exists()
    assert not ZaakType.objects.filter(bron_url__gt="").exists()
    assert not Catalogus.objects.filter(bron_url__gt="").exists()


def test_check_says_plainly_that_the_credentials_are_not_accepted(source):
    added = _add(source, "fout", "not-the-right-secret-at-all-for-hs256", "--no-import")
    assert "FAIL zaken" in added
    out = StringIO()
    with pytest.raises(CommandError, match="Not everything works"):
        call_command("zgw_source", "check", "fout", stdout=out)
    assert "FAIL catalogi" in out.getvalue()
    assert "not-the-right-secret" not in out.getvalue()


def test_a_stopped_source_fails_its_check_without_a_traceback(source):
    _add(source, "openzaak", SECRET, "--no-import")
    source.stop()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("zgw_source", "check", "openzaak", stdout=out)
    assert "did not answer" in out.getvalue()


def test_the_admin_never_shows_the_secret_and_keeps_it_when_left_empty(admin_client):
    source = ZgwSource.objects.create(
        naam="openzaak",
        zaken_api="https://open-zaak.example/zaken/api/v1/",
        catalogi_api="https://open-zaak.example/catalogi/api/v1/",
        client_id="lezer",
        secret="heel-geheim-1234567890",
    )
    url = f"/admin/zgw/zgwsource/{source.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "heel-geheim" not in page.content.decode()
    saved = admin_client.post(
        url,
        {
            "naam": "openzaak",
            "zaken_api": source.zaken_api,
            "catalogi_api": source.catalogi_api,
            "client_id": "lezer",
            "secret": "",
            "zaaktypen": "[]",
            "actief": "on",
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    source.refresh_from_db()
    assert source.secret == "heel-geheim-1234567890"
