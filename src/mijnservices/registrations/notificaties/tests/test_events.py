from __future__ import annotations

import uuid

import pytest
from django.db import transaction

from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.core.resources import resource_path
from mijnservices.registrations.notificaties import events
from mijnservices.registrations.notificaties.models import Delivery, Notificatie

SITE = "https://mijn.example.nl"


def _record(**fields):
    with transaction.atomic():
        return outbox.event_record(**fields)


@pytest.mark.django_db
def test_an_outbox_event_becomes_a_notificatie_with_its_id_and_absolute_urls(settings, subscribe):
    settings.SITE_URL = SITE + "/"
    subscribe("http://127.0.0.1:9/hook")
    zaak, zaaktype = uuid.uuid4(), uuid.uuid4()
    event = _record(
        kanaal="zaken",
        resource="status",
        actie="create",
        hoofd_object=resource_path("zaken", "zaken", zaak),
        resource_id=resource_path("zaken", "statussen", uuid.UUID(int=1)),
        kenmerken={
            "bronorganisatie": "002220647",
            "zaaktype": resource_path("catalogi", "zaaktypen", zaaktype),
            "vertrouwelijkheidaanduiding": "openbaar",
        },
    )

    assert outbox.drain_once().processed == 1

    notificatie = Notificatie.objects.get()
    assert notificatie.id == event.id
    assert notificatie.message() == {
        "kanaal": "zaken",
        "hoofdObject": f"{SITE}/zaken/api/v1/zaken/{zaak}",
        "resource": "status",
        "resourceUrl": f"{SITE}/zaken/api/v1/statussen/{uuid.UUID(int=1)}",
        "actie": "create",
        "aanmaakdatum": event.created_at.isoformat().replace("+00:00", "Z"),
        "kenmerken": {
            "bronorganisatie": "002220647",
            "zaaktype": f"{SITE}/catalogi/api/v1/zaaktypen/{zaaktype}",
            "vertrouwelijkheidaanduiding": "openbaar",
        },
    }
    assert Delivery.objects.get().order_key == event.hoofd_object


def test_typed_keys_and_bare_uuids_become_api_urls(settings):
    settings.SITE_URL = SITE
    key = uuid.uuid4()
    assert events.absolute_url(f"zaaktype:{key}") == f"{SITE}/catalogi/api/v1/zaaktypen/{key}"
    assert (
        events.absolute_url(str(key), resource="statustype")
        == f"{SITE}/catalogi/api/v1/statustypen/{key}"
    )
    assert events.kenmerken_absolute({"catalogus": str(key), "x": 1}) == {
        "catalogus": f"{SITE}/catalogi/api/v1/catalogussen/{key}",
        "x": "1",
    }
    assert events.absolute_url("https://elders.example/x") == "https://elders.example/x"
    # A plain value under a resource's name is a value, not a reference.
    assert events.kenmerken_absolute({"status": "open"}) == {"status": "open"}


@pytest.mark.django_db
def test_a_batch_of_events_becomes_notificaties_with_deliveries_per_matching_filter(
    subscribe, django_assert_max_num_queries
):
    subscribe("http://127.0.0.1:9/a", filters={"bronorganisatie": "1"})
    subscribe("http://127.0.0.1:9/b")
    subscribe("http://127.0.0.1:9/c", kanaal="besluiten")
    recorded = [
        _record(
            kanaal="zaken",
            resource="zaak",
            actie="update",
            hoofd_object=f"/z/{n}",
            resource_id=f"/z/{n}",
            kenmerken={"bronorganisatie": str(n % 2)},
        )
        for n in range(6)
    ]
    # Whatever the number of events: peek, claim, 3 to publish, outcome and the savepoints.
    with django_assert_max_num_queries(10):
        result = outbox.drain_once()

    assert result.processed == 6
    assert set(Notificatie.objects.values_list("id", flat=True)) == {e.id for e in recorded}
    targets = sorted(Delivery.objects.values_list("abonnement__callback_url", "order_key"))
    assert targets == sorted(
        [("http://127.0.0.1:9/b", f"/z/{n}") for n in range(6)]
        + [("http://127.0.0.1:9/a", f"/z/{n}") for n in (1, 3, 5)]
    )


@pytest.mark.django_db
def test_notificatie_exists_only_if_the_event_is_processed(monkeypatch, subscribe):
    subscribe("http://127.0.0.1:9/hook")

    def broken(event):
        raise ConnectionError("later handler fails")

    monkeypatch.setattr(
        outbox,
        "_HANDLERS",
        [("notificaties", events.notificatie_from_event), ("broken", broken)],
    )
    event = _record(
        kanaal="zaken", resource="zaak", actie="create", hoofd_object="/z/1", resource_id="/z/1"
    )
    assert outbox.drain_once().retried == 1
    assert OutboxEvent.objects.get(pk=event.pk).status == OutboxStatus.PENDING
    assert not Notificatie.objects.exists()
    assert not Delivery.objects.exists()


@pytest.mark.django_db
def test_an_event_on_an_unknown_kanaal_still_becomes_a_notificatie():
    _record(
        kanaal="klantinteracties",
        resource="klant",
        actie="create",
        hoofd_object="/k/1",
        resource_id="/k/1",
    )
    outbox.drain_once()
    assert Notificatie.objects.get().kanaal == "klantinteracties"


@pytest.mark.django_db
def test_a_zaak_made_through_the_services_notifies_zaken_subscribers_with_standard_kenmerken(
    settings, subscribe
):
    from mijnservices.testing.factories import ZaakFactory

    settings.SITE_URL = SITE
    subscribe("http://127.0.0.1:9/hook", filters={"bronorganisatie": settings.ORGANISATION_RSIN})
    OutboxEvent.objects.all().delete()
    zaak = ZaakFactory(for_bsn="999993653")
    while outbox.drain_once().total:
        pass

    zaak_url = f"{SITE}/zaken/api/v1/zaken/{zaak.uuid}"
    notificaties = list(Notificatie.objects.filter(kanaal="zaken").order_by("aanmaakdatum"))
    assert [(n.resource, n.actie) for n in notificaties][:2] == [
        ("zaak", "create"),
        ("rol", "create"),
    ]
    assert {n.hoofd_object for n in notificaties} == {zaak_url}
    assert notificaties[0].resource_url == zaak_url
    assert notificaties[0].kenmerken == {
        "bronorganisatie": settings.ORGANISATION_RSIN,
        "zaaktype": f"{SITE}/catalogi/api/v1/zaaktypen/{zaak.zaaktype.uuid}",
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
    }
    assert Delivery.objects.filter(notificatie__kanaal="zaken").count() == len(notificaties)
