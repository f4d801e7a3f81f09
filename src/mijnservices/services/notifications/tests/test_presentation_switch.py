"""A zaaktype the beheerder switched off in the portal notifies nobody (decision 0036); a
step the beheerder marks as informing notifies even when the catalogue says it does not."""

from __future__ import annotations

import pytest

from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.notifications.models import Notification, Trigger
from mijnservices.services.notifications.tests.conftest import SUZANNE, drain, with_email
from mijnservices.services.presentation.services import presentation_release, presentation_update

pytestmark = pytest.mark.django_db


def _step(zaak, volgnummer: int):
    statustype = StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=volgnummer)
    return zaken.status_set(zaak=zaak, statustype=statustype)


def test_a_zaaktype_switched_off_in_the_portal_sends_no_notifications(zaak, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    presentation_release(identificatie=zaak.zaaktype.identificatie, shown=False)
    _step(zaak, 2)  # an informing step
    drain()
    assert Notification.objects.count() == 0

    presentation_release(identificatie=zaak.zaaktype.identificatie, shown=True)
    _step(zaak, 3)
    drain()
    assert [n.trigger for n in Notification.objects.all()] == [Trigger.STATUS]


def test_the_beheerders_informeren_overrides_the_catalogue(zaak, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    presentation_update(
        identificatie=zaak.zaaktype.identificatie,
        steps={"Stap 2": {"informeren": False}, "Stap 3": {"informeren": True}},
    )
    _step(zaak, 2)  # informs in the catalogue, not any more in the portal presentation
    drain()
    assert Notification.objects.count() == 0


def test_the_zaaktypes_own_email_for_a_step_replaces_the_standard_text(zaak, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    presentation_update(
        identificatie=zaak.zaaktype.identificatie,
        steps={
            "Stap 2": {
                "email_subject_nl": "Wij beoordelen uw aanvraag",
                "email_body_nl": "Binnen 5 dagen nemen wij contact op over zaak {zaaknummer}.",
            }
        },
    )
    _step(zaak, 2)
    drain()
    [notification] = Notification.objects.all()
    assert notification.onderwerp == "Wij beoordelen uw aanvraag"
    assert (
        notification.tekst == f"Binnen 5 dagen nemen wij contact op over zaak {zaak.identificatie}."
    )
