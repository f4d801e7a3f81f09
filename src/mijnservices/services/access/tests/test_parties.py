"""Whose zaak is this: the portal, the KCC and the Notificatieservice agree (decision 0024).

One zaak with a person as initiator and one vestiging of a business as mede-initiator: the same
parties see it in the portal, find it in the KCC klantbeeld and hear about its news."""

from __future__ import annotations

import pytest

from mijnservices.core.identity import Citizen, Employee, Party
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.parties import parties_of_zaak, party_of_zaaknummer
from mijnservices.services.access.parties import zaak_parties
from mijnservices.services.access.policy import zaken_scope
from mijnservices.services.casework.selectors import zaken_of_party
from mijnservices.services.notifications.models import Notification
from mijnservices.services.notifications.tests.conftest import drain, with_email
from mijnservices.testing.employees import release_for_kcc
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

SUZANNE = Party("bsn", "999993653")
KVK = "68750110"
BAKKERIJ_HERE = Party("kvk", KVK, vestiging="000038509504")
BAKKERIJ_THERE = Party("kvk", KVK, vestiging="000099999999")
BAKKERIJ_WHOLE = Party("kvk", KVK)
KCC = Employee(user_id=1, username="kcc", roles=frozenset({"kcc"}))


@pytest.fixture
def zaak():
    zaaktype = published_zaaktype(identificatie="ZT-SAMEN", mede_initiator=True)
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer=2).update(informeren=True)
    zaak = ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE.identifier)
    zaken.rol_create(
        zaak=zaak,
        roltype=zaaktype.roltypen.get(omschrijving_generiek="mede_initiator"),
        betrokkene_type="vestiging",
        kvk_nummer=KVK,
        vestigingsnummer=BAKKERIJ_HERE.vestiging,
    )
    release_for_kcc("ZT-SAMEN")
    return zaak


def _citizen(party: Party) -> Citizen:
    return Citizen(actor=party, auth_method="eherkenning" if party.kind == "kvk" else "digid")


def test_the_parties_are_the_initiator_first_then_the_mede_initiator_with_its_vestiging(zaak):
    assert parties_of_zaak(zaak) == [SUZANNE, BAKKERIJ_HERE]
    assert party_of_zaaknummer(zaak.identificatie) == SUZANNE
    assert zaak_parties(zaak) == [SUZANNE, BAKKERIJ_HERE]


def test_portal_kcc_and_notifications_agree_on_a_mede_initiator_vestiging(zaak):
    for party, sees in [
        (SUZANNE, True),
        (BAKKERIJ_HERE, True),
        (BAKKERIJ_WHOLE, True),  # the whole business holds the zaken of its vestigingen
        (BAKKERIJ_THERE, False),  # another vestiging does not
    ]:
        in_portal = zaken_scope(_citizen(party)).filter(pk=zaak.pk).exists()
        in_kcc = zaken_of_party(KCC, party).filter(pk=zaak.pk).exists()
        assert (in_portal, in_kcc) == (sees, sees), party

    with_email(SUZANNE, "suzanne@example.nl")
    with_email(BAKKERIJ_HERE, "bakkerij@example.nl")
    with_email(BAKKERIJ_THERE, "filiaal@example.nl")
    drain()
    Notification.objects.all().delete()  # the zaak's creation is not what this test is about
    zaken.status_set(zaak=zaak, statustype=zaak.zaaktype.statustypen.get(volgnummer=2))
    drain()
    told = set(Notification.objects.values_list("adres", flat=True))
    assert told == {"suzanne@example.nl", "bakkerij@example.nl"}
