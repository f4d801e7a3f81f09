from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import CatalogusFactory, ZaakFactory, published_zaaktype


def _statustypen(zaak):
    return list(zaak.zaaktype.statustypen.order_by("volgnummer"))


@pytest.mark.django_db
def test_creating_a_zaak_generates_a_yearly_identificatie_and_deadlines():
    zaaktype = published_zaaktype()
    start = timezone.localdate()
    first = services.zaak_create(zaaktype=zaaktype, startdatum=start)
    second = services.zaak_create(zaaktype=zaaktype, startdatum=start)
    assert first.identificatie == f"ZAAK-{start.year}-0000000001"
    assert second.identificatie == f"ZAAK-{start.year}-0000000002"
    assert first.uiterlijke_einddatum_afdoening == start + zaaktype.doorlooptijd
    assert first.einddatum_gepland == start + zaaktype.servicenorm


@pytest.mark.django_db
def test_concept_zaaktype_cannot_be_used():
    concept = catalogi_services.zaaktype_create(
        catalogus=CatalogusFactory(),
        identificatie="C",
        omschrijving="Concept",
        doorlooptijd=timedelta(days=30),
        begin_geldigheid=timezone.localdate(),
    )
    with pytest.raises(DomainError) as error:
        services.zaak_create(zaaktype=concept, startdatum=timezone.localdate())
    assert error.value.code == "not-published"
    assert not Zaak.objects.exists()


@pytest.mark.django_db
def test_duplicate_identificatie_is_refused():
    zaak = ZaakFactory()
    with pytest.raises(DomainError) as error:
        services.zaak_create(
            zaaktype=zaak.zaaktype, startdatum=zaak.startdatum, identificatie=zaak.identificatie
        )
    assert error.value.code == "identificatie-niet-uniek"


@pytest.mark.django_db
def test_statustype_of_another_zaaktype_is_refused():
    zaak = ZaakFactory()
    foreign = published_zaaktype().statustypen.first()
    with pytest.raises(DomainError) as error:
        services.status_set(zaak=zaak, statustype=foreign)
    assert error.value.code == "zaaktype-mismatch"


@pytest.mark.django_db
def test_a_status_dated_far_in_the_future_is_refused(settings):
    settings.STATUS_MAX_FUTURE_SECONDS = 300
    zaak = ZaakFactory()
    first = _statustypen(zaak)[0]
    before = zaak.statussen.count()
    with pytest.raises(DomainError) as error:
        services.status_set(
            zaak=zaak,
            statustype=first,
            datum_status_gezet=timezone.now().replace(year=3000),
        )
    assert error.value.code == "date-in-future"
    assert zaak.statussen.count() == before
    soon = timezone.now() + timedelta(seconds=60)  # clock differences are tolerated
    assert services.status_set(zaak=zaak, statustype=first, datum_status_gezet=soon)


@pytest.mark.django_db
def test_final_status_needs_a_resultaat():
    zaak = ZaakFactory(status_count=1)
    with pytest.raises(DomainError) as error:
        services.status_set(zaak=zaak, statustype=_statustypen(zaak)[-1])
    assert error.value.code == "resultaat-does-not-exist"
    zaak.refresh_from_db()
    assert zaak.einddatum is None


@pytest.mark.django_db
def test_setting_final_status_closes_zaak_on_the_status_date():
    zaak = ZaakFactory(status_count=1)
    services.resultaat_set(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.first())
    moment = timezone.now() - timedelta(days=2)
    services.status_set(zaak=zaak, statustype=_statustypen(zaak)[-1], datum_status_gezet=moment)
    zaak.refresh_from_db()
    assert zaak.einddatum == timezone.localdate(moment)
    assert zaak.is_closed


@pytest.mark.django_db
def test_non_final_status_after_closing_reopens_the_zaak():
    zaak = ZaakFactory(closed=True)
    services.status_set(zaak=zaak, statustype=_statustypen(zaak)[1])
    zaak.refresh_from_db()
    assert zaak.einddatum is None
    assert zaak.status.statustype.volgnummer == 2


@pytest.mark.django_db
def test_backdated_status_does_not_replace_the_current_one():
    zaak = ZaakFactory(status_count=3)
    current = zaak.status
    services.status_set(
        zaak=zaak,
        statustype=_statustypen(zaak)[0],
        datum_status_gezet=current.datum_status_gezet - timedelta(days=30),
    )
    zaak.refresh_from_db()
    assert zaak.status == current


@pytest.mark.django_db
def test_every_change_records_a_zaken_event_with_kenmerken():
    zaak = ZaakFactory(for_bsn="999993653", status_count=2)
    events = OutboxEvent.objects.filter(kanaal="zaken", hoofd_object__endswith=str(zaak.uuid))
    assert sorted(events.values_list("resource", flat=True)) == [
        "rol",
        "status",
        "status",
        "zaak",
    ]
    kenmerken = events.first().kenmerken
    assert kenmerken["bronorganisatie"] == zaak.bronorganisatie
    assert kenmerken["zaaktype"].endswith(str(zaak.zaaktype.uuid))


@pytest.mark.django_db
def test_natuurlijk_persoon_rol_needs_a_bsn():
    zaak = ZaakFactory()
    roltype = zaak.zaaktype.roltypen.get(omschrijving_generiek="initiator")
    with pytest.raises(DomainError):
        services.rol_create(zaak=zaak, roltype=roltype, betrokkene_type="natuurlijk_persoon")


@pytest.mark.django_db
def test_substatus_hangs_under_the_current_status_and_counts_as_activity():
    zaak = ZaakFactory(status_count=2)
    before = zaak.laatste_activiteit
    sub = services.substatus_create(zaak=zaak, omschrijving="Adviseur is langs geweest")
    zaak.refresh_from_db()
    assert sub.status == zaak.status
    assert zaak.laatste_activiteit > before


@pytest.mark.django_db
def test_internal_substatus_does_not_change_citizen_activity():
    zaak = ZaakFactory(status_count=2)
    before = zaak.laatste_activiteit
    services.substatus_create(zaak=zaak, omschrijving="Intern overleg", doelgroep="intern")
    zaak.refresh_from_db()
    assert zaak.laatste_activiteit == before


@pytest.mark.django_db
def test_zaak_registered_on_an_earlier_day_was_last_active_that_day():
    zaaktype = published_zaaktype()
    earlier = timezone.localdate() - timedelta(days=40)
    zaak = services.zaak_create(zaaktype=zaaktype, startdatum=earlier, registratiedatum=earlier)
    assert timezone.localdate(zaak.laatste_activiteit) == earlier
    statustype = zaaktype.statustypen.order_by("volgnummer").first()
    moment = timezone.now() - timedelta(days=30)
    services.status_set(zaak=zaak, statustype=statustype, datum_status_gezet=moment)
    zaak.refresh_from_db()
    assert zaak.laatste_activiteit == moment


@pytest.mark.django_db
def test_final_status_is_refused_while_a_document_has_no_indicatie_gebruiksrecht(
    settings, tmp_path
):
    from mijnservices.registrations.documenten.tests.helpers import (
        document,
        document_url,
        published_informatieobjecttype,
    )

    settings.SITE_URL = "http://testserver"
    settings.STORAGES = {
        **settings.STORAGES,
        "documenten": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    zaak = ZaakFactory()
    doc = document(published_informatieobjecttype())
    services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    services.resultaat_create(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.first())
    final = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    with pytest.raises(DomainError) as error:
        services.status_set(zaak=zaak, statustype=final)
    assert error.value.code == "indicatiegebruiksrecht-unset"
    versie = doc.huidige_versie
    versie.indicatie_gebruiksrecht = False
    versie.save()
    services.status_set(zaak=zaak, statustype=final)
    zaak.refresh_from_db()
    assert zaak.einddatum is not None


@pytest.mark.django_db
def test_a_zaak_moves_to_another_published_zaaktype_but_keeps_its_identificatie():
    zaak = ZaakFactory()
    other = published_zaaktype(identificatie="ZT-OTHER")
    services.zaak_update(zaak=zaak, zaaktype=other)
    zaak.refresh_from_db()
    assert zaak.zaaktype == other
    with pytest.raises(DomainError) as error:
        services.zaak_update(zaak=zaak, identificatie="ZAAK-ANDERS")
    assert error.value.code == "wijzigen-niet-toegelaten"


@pytest.mark.django_db
def test_archiefstatus_changes_only_when_every_document_is_gearchiveerd(settings, tmp_path):
    # zrc-022b: documents-not-archived on archiefstatus, before the archiefnominatie rule.
    from mijnservices.registrations.documenten.tests.helpers import (
        document,
        document_url,
        published_informatieobjecttype,
    )

    settings.SITE_URL = "http://testserver"
    settings.STORAGES = {
        **settings.STORAGES,
        "documenten": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    zaak = ZaakFactory()
    doc = document(published_informatieobjecttype())
    services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    with pytest.raises(DomainError) as error:
        services.zaak_update(zaak=zaak, archiefstatus="gearchiveerd")
    assert (error.value.field, error.value.code) == ("archiefstatus", "documents-not-archived")
    versie = doc.huidige_versie
    versie.status = "gearchiveerd"
    versie.save()
    with pytest.raises(DomainError) as error:
        services.zaak_update(zaak=zaak, archiefstatus="gearchiveerd")
    assert error.value.code == "archiefnominatie-not-set"


@pytest.mark.django_db
def test_zaak_create_inside_a_transaction_opens_no_savepoint():
    zaaktype = published_zaaktype()
    with transaction.atomic():
        savepoints = list(connection.savepoint_ids)
        with CaptureQueriesContext(connection) as queries:
            services.zaak_create(zaaktype=zaaktype, startdatum=timezone.localdate())
        assert connection.savepoint_ids == savepoints
    assert not [q for q in queries.captured_queries if "SAVEPOINT" in q["sql"].upper()]


@pytest.mark.django_db
def test_a_refused_zaak_leaves_the_callers_transaction_usable():
    zaak = ZaakFactory()
    with transaction.atomic():
        with pytest.raises(DomainError):
            services.zaak_create(
                zaaktype=zaak.zaaktype, startdatum=zaak.startdatum, identificatie=zaak.identificatie
            )
        assert Zaak.objects.count() == 1  # no rollback pending: the checks wrote nothing


@pytest.mark.django_db(transaction=True)
def test_an_identificatie_taken_while_writing_rolls_the_whole_transaction_back():
    zaaktype = published_zaaktype()
    start = timezone.localdate()
    # A client chose the identificatie the counter hands out next.
    services.zaak_create(
        zaaktype=zaaktype, startdatum=start, identificatie=f"ZAAK-{start.year}-0000000001"
    )
    with transaction.atomic():
        services.zaak_create(zaaktype=zaaktype, startdatum=start, identificatie="EIGEN-1")
        with pytest.raises(DomainError) as error:
            services.zaak_create(zaaktype=zaaktype, startdatum=start)
        # No savepoint to return to: the caller's transaction can only roll back.
        assert transaction.get_rollback()
    assert error.value.code == "identificatie-niet-uniek"
    assert list(Zaak.objects.values_list("identificatie", flat=True)) == [
        f"ZAAK-{start.year}-0000000001"
    ]
