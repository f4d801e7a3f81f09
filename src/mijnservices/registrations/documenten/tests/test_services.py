"""Documents: versions, locks, content storage and the drc rules, in the service layer."""

from __future__ import annotations

from datetime import date

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.documenten import services, storage
from mijnservices.registrations.documenten.models import InformatieObjectVersie
from mijnservices.registrations.documenten.tests.helpers import (
    PDF,
    PNG,
    b64,
    document,
    published_informatieobjecttype,
)

pytestmark = pytest.mark.django_db


def _read(versie):
    with storage.open_content(versie.inhoud) as handle:
        return handle.read()


def test_creating_a_document_stores_its_content_and_records_an_event():
    iot = published_informatieobjecttype()
    doc = document(iot)
    versie = doc.huidige_versie
    assert versie.versie == 1
    assert versie.bestandsomvang == len(PDF)
    assert _read(versie) == PDF
    assert versie.identificatie.startswith("DOCUMENT-")
    event = OutboxEvent.objects.get(kanaal="documenten", actie="create")
    assert event.kenmerken == {
        "bronorganisatie": "002220647",
        "informatieobjecttype": f"/catalogi/api/v1/informatieobjecttypen/{iot.uuid}",
        "vertrouwelijkheidaanduiding": "openbaar",
    }


def test_vertrouwelijkheid_defaults_to_the_informatieobjecttype():
    iot = published_informatieobjecttype(vertrouwelijkheidaanduiding="zaakvertrouwelijk")
    assert document(iot).huidige_versie.vertrouwelijkheidaanduiding == "zaakvertrouwelijk"


def test_a_concept_informatieobjecttype_cannot_be_used():
    iot = published_informatieobjecttype()
    iot.concept = True
    iot.save()
    with pytest.raises(DomainError) as error:
        document(iot)
    assert error.value.code == "not-published"


def test_identificatie_is_unique_per_bronorganisatie():
    iot = published_informatieobjecttype()
    document(iot, identificatie="DOC-1")
    with pytest.raises(DomainError) as error:
        document(iot, identificatie="DOC-1")
    assert error.value.code == "identificatie-niet-uniek"
    document(iot, identificatie="DOC-1", bronorganisatie="123456782")


def test_updating_needs_the_lock_and_makes_a_new_version():
    doc = document(published_informatieobjecttype())
    with pytest.raises(DomainError) as error:
        services.informatieobject_update(informatieobject=doc, titel="Nieuw")
    assert error.value.code == "unlocked"
    lock = services.informatieobject_lock(informatieobject=doc)
    with pytest.raises(DomainError) as error:
        services.informatieobject_update(informatieobject=doc, lock="wrong", titel="Nieuw")
    assert error.value.code == "incorrect-lock-id"
    services.informatieobject_update(informatieobject=doc, lock=lock, titel="Nieuw")
    doc.refresh_from_db()
    assert doc.huidige_versie.versie == 2
    assert doc.huidige_versie.titel == "Nieuw"
    # the content carries over; version 1 is unchanged
    assert doc.huidige_versie.inhoud == doc.versies.get(versie=1).inhoud
    assert doc.versies.get(versie=1).titel == "Besluit op aanvraag"


def test_new_content_makes_a_version_with_its_own_file():
    doc = document(published_informatieobjecttype())
    lock = services.informatieobject_lock(informatieobject=doc)
    services.informatieobject_update(
        informatieobject=doc, lock=lock, inhoud=b64(PNG), bestandsnaam="foto.png", formaat=""
    )
    doc.refresh_from_db()
    assert _read(doc.huidige_versie) == PNG
    assert _read(doc.versies.get(versie=1)) == PDF


def test_a_document_cannot_be_locked_twice():
    doc = document(published_informatieobjecttype())
    services.informatieobject_lock(informatieobject=doc)
    with pytest.raises(DomainError) as error:
        services.informatieobject_lock(informatieobject=doc)
    assert error.value.code == "existing-lock"


def test_unlock_needs_the_lock_id_unless_forced():
    doc = document(published_informatieobjecttype())
    services.informatieobject_lock(informatieobject=doc)
    with pytest.raises(DomainError):
        services.informatieobject_unlock(informatieobject=doc, lock="wrong")
    services.informatieobject_unlock(informatieobject=doc, force=True)
    doc.refresh_from_db()
    assert doc.lock == ""


def test_content_that_contradicts_its_name_is_refused_and_nothing_is_saved(settings):
    settings.DOCUMENTEN_API_CONTENT_CHECK = True
    iot = published_informatieobjecttype()
    with pytest.raises(DomainError) as error:
        document(iot, content=PNG, bestandsnaam="brief.pdf", formaat="")
    assert error.value.code == "content-type-mismatch"
    assert not InformatieObjectVersie.objects.exists()


def test_content_over_the_size_limit_is_refused(settings):
    settings.DOCUMENTEN_MAX_UPLOAD_SIZE = 100
    with pytest.raises(DomainError) as error:
        document(published_informatieobjecttype(), content=PDF + b" " * 200)
    assert error.value.code == "file-too-large"


def test_invalid_base64_is_refused():
    iot = published_informatieobjecttype()
    with pytest.raises(DomainError) as error:
        services.informatieobject_create(
            informatieobjecttype=iot,
            inhoud="not base64!",
            bronorganisatie="002220647",
            creatiedatum="2026-01-01",
            titel="x",
            auteur="x",
            taal="nld",
        )
    assert error.value.code == "invalid"


def test_deleting_removes_versions_and_their_files(
    django_capture_on_commit_callbacks, documenten_storage
):
    doc = document(published_informatieobjecttype())
    key = doc.huidige_versie.inhoud
    with django_capture_on_commit_callbacks(execute=True):
        services.informatieobject_delete(informatieobject=doc)
    assert not InformatieObjectVersie.objects.exists()
    assert not (documenten_storage / key).exists()


def test_gebruiksrechten_set_and_clear_the_indicatie():
    doc = document(published_informatieobjecttype())
    recht = services.gebruiksrechten_create(
        informatieobject=doc, startdatum="2026-01-01T00:00:00Z", omschrijving_voorwaarden="CC0"
    )
    doc.refresh_from_db()
    assert doc.huidige_versie.indicatie_gebruiksrecht is True
    services.gebruiksrechten_delete(gebruiksrechten=recht)
    doc.refresh_from_db()
    assert doc.huidige_versie.indicatie_gebruiksrecht is None


def test_raw_content_of_a_portal_upload_is_always_type_checked(settings):
    settings.DOCUMENTEN_API_CONTENT_CHECK = False
    iot = published_informatieobjecttype()
    with pytest.raises(DomainError) as error:
        services.informatieobject_create(
            informatieobjecttype=iot,
            bronorganisatie="002220647",
            creatiedatum=date(2026, 1, 5),
            titel="Upload",
            auteur="Burger",
            taal="nld",
            bestandsnaam="upload.pdf",
            formaat="application/pdf",
            content=[PNG],
        )
    assert error.value.code == "content-type-mismatch"
