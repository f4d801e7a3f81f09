"""The Klantinteracties access rule (services/access/klantinteracties.py): scopes for API
clients, and who sees a vertrouwelijk klantcontact."""

from __future__ import annotations

import pytest

from mijnservices.core.identity import ApiClient
from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.models import Betrokkene, Klantcontact
from mijnservices.services.access import klantinteracties as access
from mijnservices.testing import klantinteracties as ki

pytestmark = pytest.mark.django_db

DEMO = ApiClient(client_id="demo", heeft_alle_autorisaties=True)
READER = ApiClient(client_id="r", component_scopes=(("kic", frozenset({access.LEZEN})),))
TRUSTED = ApiClient(
    client_id="t",
    component_scopes=(("kic", frozenset({access.LEZEN, access.VERTROUWELIJK_LEZEN})),),
)
ZAKEN_ONLY = ApiClient(client_id="z", component_scopes=(("zrc", frozenset({"zaken.lezen"})),))


def test_the_demo_client_holds_every_klantinteracties_scope():
    assert all(access.client_may(DEMO, scope) for scope in access.SCOPES)


def test_a_client_without_kic_scopes_sees_no_klantcontacten():
    ki.klantcontact(ki.PERSON)
    assert not access.client_may(ZAKEN_ONLY, access.LEZEN)
    assert (
        access.klantcontacten_visible_to_client(Klantcontact.objects.all(), ZAKEN_ONLY).count() == 0
    )


def test_a_reader_without_the_vertrouwelijk_scope_does_not_see_vertrouwelijk_contacts():
    open_contact = ki.klantcontact(ki.PERSON)
    secret = ki.klantcontact(ki.PERSON, vertrouwelijk=True)
    assert list(access.klantcontacten_visible_to_client(Klantcontact.objects.all(), READER)) == [
        open_contact
    ]
    betrokkenen = access.klantcontacten_visible_to_client(
        Betrokkene.objects.all(), READER, via="klantcontact"
    )
    assert [b.klantcontact_id for b in betrokkenen] == [open_contact.pk]
    assert access.klantcontact_visible_to_client(secret.vertrouwelijk, READER) is False
    assert access.klantcontact_visible_to_client(secret.vertrouwelijk, TRUSTED) is True
    assert access.klantcontacten_visible_to_client(Klantcontact.objects.all(), TRUSTED).count() == 2


def test_a_reader_may_not_write():
    assert not access.client_may(READER, access.BIJWERKEN)


def test_a_citizen_sees_a_vertrouwelijk_contact_only_when_they_started_it():
    own_question = ki.klantcontact(ki.PERSON, vertrouwelijk=True)
    internal_note = ki.klantcontact(ki.PERSON, vertrouwelijk=True, actor_naam="KCC medewerker")
    ordinary = ki.klantcontact(ki.PERSON, actor_naam="KCC medewerker")
    visible = set(access.klantcontacten_for(ki.PERSON))
    assert visible == {own_question, ordinary}
    assert internal_note not in visible


def test_a_citizen_never_sees_another_persons_contacts():
    services.klantcontact_register(
        party=ki.OTHER_PERSON, kanaal="balie", onderwerp="Paspoort", inhoud="Afspraak"
    )
    ki.partij(ki.PERSON)
    assert list(access.klantcontacten_for(ki.PERSON)) == []
