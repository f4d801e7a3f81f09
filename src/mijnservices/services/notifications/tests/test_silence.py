"""\"Not forgotten\": one message per silence period, and a new period after new activity."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.notifications import switches
from mijnservices.services.notifications.models import Notification, Trigger, TriggerSwitch
from mijnservices.services.notifications.silence import niet_vergeten_due
from mijnservices.services.notifications.tests.conftest import SUZANNE, drain, with_email

pytestmark = pytest.mark.django_db


def _silent(zaak: Zaak, days: int) -> None:
    Zaak.objects.filter(pk=zaak.pk).update(laatste_activiteit=timezone.now() - timedelta(days=days))


def test_a_zaak_silent_for_its_days_gets_one_message_per_silence(zaak):
    with_email(SUZANNE)
    drain()
    zaak.zaaktype.__class__.objects.filter(pk=zaak.zaaktype_id).update(stilte_signaal_dagen=14)
    _silent(zaak, 10)
    assert niet_vergeten_due() == 0
    _silent(zaak, 15)
    assert niet_vergeten_due() == 1
    assert niet_vergeten_due() == 0  # once per period
    [notification] = Notification.objects.filter(trigger=Trigger.NIET_VERGETEN)
    assert "niet vergeten" in notification.tekst
    zaken.substatus_create(zaak=zaak, omschrijving="Nieuws")  # a new period starts
    _silent(zaak, 20)
    assert niet_vergeten_due() == 1
    assert Notification.objects.filter(trigger=Trigger.NIET_VERGETEN).count() == 2


def test_closed_zaken_and_switched_off_zaaktypen_get_nothing(zaak):
    with_email(SUZANNE)
    zaak.zaaktype.__class__.objects.filter(pk=zaak.zaaktype_id).update(stilte_signaal_dagen=14)
    TriggerSwitch.objects.create(
        trigger=Trigger.NIET_VERGETEN, zaaktype_identificatie="ZT-NOTIFY", actief=False
    )
    _silent(zaak, 30)
    assert niet_vergeten_due() == 0
    TriggerSwitch.objects.update(actief=True, dagen=40)
    switches.cache_clear()  # an edit shows after the cache period; here at once
    assert niet_vergeten_due() == 0
    TriggerSwitch.objects.update(dagen=20)
    switches.cache_clear()
    Zaak.objects.filter(pk=zaak.pk).update(einddatum=timezone.localdate())
    assert niet_vergeten_due() == 0
    Zaak.objects.filter(pk=zaak.pk).update(einddatum=None)
    assert niet_vergeten_due() == 1  # the switch's 20 days apply
