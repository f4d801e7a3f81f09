"""Registering many klantcontacten at once gives the same rows as one by one."""

from __future__ import annotations

import pytest
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.klantinteracties.services import partij_ensure
from mijnservices.registrations.klantinteracties.services_bulk import (
    ContactToRegister,
    klantcontacten_register_bulk,
)
from mijnservices.services.access.klantinteracties import klantcontacten_for

pytestmark = pytest.mark.django_db

KNOWN = Party(kind="bsn", identifier="999993653", name="Suzanne Jansen")
NEW = Party(kind="kvk", identifier="69599084", name="Bakkerij")


def test_bulk_contacts_land_on_each_partys_timeline_with_numbers_and_events():
    partij_ensure(party=KNOWN)
    contacts = [
        ContactToRegister(
            party=party,
            kanaal="e-mail",
            onderwerp="Er is nieuws over uw zaak",
            inhoud="…",
            plaatsgevonden_op=timezone.now(),
            zaak_url="http://testserver/zaken/api/v1/zaken/1" if party == KNOWN else "",
            indicatie_contact_gelukt=True,
        )
        for party in (KNOWN, NEW, KNOWN)
    ]
    created = klantcontacten_register_bulk(contacts=contacts, actor_naam="Notificatieservice")
    assert len(created) == 3
    assert len(klantcontacten_for(KNOWN)) == 2
    [business] = klantcontacten_for(NEW)
    assert business.nummer == f"{business.pk:010d}"
    assert [o.object_id for c in klantcontacten_for(KNOWN) for o in c.onderwerpobjecten.all()] == [
        "http://testserver/zaken/api/v1/zaken/1"
    ] * 2
    assert (
        OutboxEvent.objects.filter(kanaal="klantinteracties", resource="klantcontact").count() == 3
    )
