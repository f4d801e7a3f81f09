from __future__ import annotations

import uuid

import pytest
from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.models import (
    Delivery,
    DeliveryStatus,
    Kanaal,
    Notificatie,
)

ZAKEN = "http://127.0.0.1:8000/zaken/api/v1"


def _publish(kenmerken: dict[str, str], *, kanaal: str = "zaken") -> Notificatie:
    with transaction.atomic():
        return services.notificatie_publish(
            id=uuid.uuid4(),
            kanaal=kanaal,
            hoofd_object=f"{ZAKEN}/zaken/1",
            resource="zaak",
            resource_url=f"{ZAKEN}/zaken/1",
            actie="create",
            aanmaakdatum=timezone.now(),
            kenmerken=kenmerken,
        )


@pytest.mark.django_db
def test_publishing_fans_out_to_abonnementen_whose_kenmerken_filters_match(subscribe):
    everything = subscribe("http://127.0.0.1:9/a")
    ours = subscribe("http://127.0.0.1:9/b", filters={"bronorganisatie": "002220647"})
    theirs = subscribe("http://127.0.0.1:9/c", filters={"bronorganisatie": "123456782"})
    other_kanaal = subscribe("http://127.0.0.1:9/d", kanaal="documenten")

    notificatie = _publish({"bronorganisatie": "002220647", "vertrouwelijkheidaanduiding": "x"})

    receivers = set(notificatie.deliveries.values_list("abonnement_id", flat=True))
    assert receivers == {everything.pk, ours.pk}
    assert theirs.pk not in receivers and other_kanaal.pk not in receivers
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.PENDING}


@pytest.mark.django_db
def test_a_filter_on_a_kenmerk_the_notificatie_lacks_does_not_match(subscribe):
    subscribe("http://127.0.0.1:9/a", filters={"zaaktype": "http://x/zaaktypen/1"})
    assert not _publish({"bronorganisatie": "002220647"}).deliveries.exists()


@pytest.mark.django_db(transaction=True)
def test_publishing_outside_a_transaction_is_refused():
    services.kanalen_seed()
    with pytest.raises(RuntimeError, match="inside a transaction"):
        services.notificatie_publish(
            id=uuid.uuid4(),
            kanaal="zaken",
            hoofd_object="http://x/1",
            resource="zaak",
            resource_url="http://x/1",
            actie="create",
            aanmaakdatum=timezone.now(),
            kenmerken={},
        )


@pytest.mark.django_db
def test_standard_kanalen_exist_and_seeding_again_adds_nothing():
    services.kanalen_seed()
    count = Kanaal.objects.count()
    services.kanalen_seed()
    assert Kanaal.objects.count() == count
    assert Kanaal.objects.get(naam="zaken").filters == [
        "bronorganisatie",
        "zaaktype",
        "vertrouwelijkheidaanduiding",
    ]
    assert {"zaken", "zaaktypen", "documenten", "besluiten"} <= set(
        Kanaal.objects.values_list("naam", flat=True)
    )


@pytest.mark.django_db
def test_kanaal_names_are_unique():
    services.kanaal_create(naam="vergunningen", filters=["bronorganisatie"])
    with pytest.raises(DomainError):
        services.kanaal_create(naam="vergunningen")


@pytest.mark.django_db
def test_abonnement_on_an_unknown_kanaal_is_refused(allow_loopback):
    with pytest.raises(DomainError, match="Unknown kanaal"):
        services.abonnement_create(callback_url="http://127.0.0.1:9/", kanalen=[{"naam": "nope"}])


@pytest.mark.django_db
def test_abonnement_update_keeps_the_credentials_unless_new_ones_are_given(subscribe):
    abonnement = subscribe("http://127.0.0.1:9/a", auth="Bearer old")
    services.abonnement_update(abonnement=abonnement, callback_url="http://127.0.0.1:9/a")
    abonnement.refresh_from_db()
    assert (abonnement.callback_url, abonnement.auth) == ("http://127.0.0.1:9/a", "Bearer old")
    services.abonnement_update(
        abonnement=abonnement, auth="Bearer new", kanalen=[{"naam": "documenten"}]
    )
    abonnement.refresh_from_db()
    assert abonnement.auth == "Bearer new"
    assert [k.kanaal.naam for k in abonnement.kanalen.all()] == ["documenten"]


@pytest.mark.django_db
def test_a_new_callback_url_needs_new_credentials_and_loses_the_private_approval(subscribe):
    abonnement = subscribe("http://127.0.0.1:9/a", auth="Bearer old")
    services.abonnement_update(abonnement=abonnement, allow_private_network=True)
    with pytest.raises(DomainError, match="needs its own auth"):
        services.abonnement_update(abonnement=abonnement, callback_url="http://127.0.0.1:9/b")
    abonnement.refresh_from_db()
    assert abonnement.callback_url == "http://127.0.0.1:9/a"
    services.abonnement_update(
        abonnement=abonnement, callback_url="http://127.0.0.1:9/b", auth="Bearer b"
    )
    abonnement.refresh_from_db()
    assert (abonnement.auth, abonnement.allow_private_network) == ("Bearer b", False)


@pytest.mark.django_db
def test_deleting_an_abonnement_drops_its_deliveries(subscribe):
    abonnement = subscribe("http://127.0.0.1:9/a")
    _publish({})
    services.abonnement_delete(abonnement=abonnement)
    assert not Delivery.objects.exists()
    assert Notificatie.objects.count() == 1


@pytest.mark.django_db
def test_resending_a_failed_delivery_makes_it_due_with_a_fresh_retry_window(subscribe):
    subscribe("http://127.0.0.1:9/a")
    delivery = _publish({}).deliveries.get()
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.FAILED,
        attempts=30,
        failed_at=timezone.now(),
        first_attempt_at=timezone.now(),
        last_error="HTTP 500",
    )
    delivery.refresh_from_db()
    services.delivery_resend(delivery=delivery)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 0
    assert delivery.first_attempt_at is None and delivery.failed_at is None
    assert delivery.next_attempt_at <= timezone.now()
    assert delivery.last_error == "HTTP 500"  # kept for the administrator
