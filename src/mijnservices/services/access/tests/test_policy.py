from __future__ import annotations

import pytest

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.access.policy import may_view_zaak, zaken_scope
from mijnservices.testing.factories import ZaakFactory

SUZANNE = Citizen(actor=Party("bsn", "999993653"), auth_method="demo")
MOHAMMED = Citizen(actor=Party("bsn", "999990627"), auth_method="demo")
BAKKERIJ = Citizen(actor=Party("kvk", "69599084"), auth_method="eherkenning")


@pytest.mark.django_db
def test_citizen_sees_only_zaken_where_they_are_initiator():
    own = ZaakFactory(for_bsn="999993653")
    other = ZaakFactory(for_bsn="999990627")
    assert list(zaken_scope(SUZANNE)) == [own]
    assert may_view_zaak(SUZANNE, own)
    assert not may_view_zaak(SUZANNE, other)


@pytest.mark.django_db
def test_a_non_initiator_role_does_not_give_access():
    zaak = ZaakFactory(for_bsn="999990627")
    roltype = zaak.zaaktype.roltypen.get(omschrijving_generiek="behandelaar")
    zaken_services.rol_create(
        zaak=zaak, roltype=roltype, betrokkene_type="natuurlijk_persoon", inp_bsn="999993653"
    )
    assert not may_view_zaak(SUZANNE, zaak)


@pytest.mark.django_db
def test_business_sees_zaken_of_its_kvk_number():
    zaak = ZaakFactory(for_kvk="69599084")
    ZaakFactory(for_bsn="999993653")
    assert list(zaken_scope(BAKKERIJ)) == [zaak]
    assert not may_view_zaak(SUZANNE, zaak)


@pytest.mark.django_db
def test_representative_sees_the_represented_persons_zaken_not_their_own():
    represented = ZaakFactory(for_bsn="999990627")
    own = ZaakFactory(for_bsn="999993653")
    acting = Citizen(
        actor=Party("bsn", "999993653"), auth_method="digid", represented=Party("bsn", "999990627")
    )
    assert list(zaken_scope(acting)) == [represented]
    assert not may_view_zaak(acting, own)


@pytest.mark.django_db
def test_zaken_above_the_citizen_confidentiality_limit_are_hidden(settings):
    settings.CITIZEN_MAX_VERTROUWELIJKHEID = "beperkt_openbaar"
    zaak = ZaakFactory(for_bsn="999993653", vertrouwelijkheidaanduiding="vertrouwelijk")
    assert not may_view_zaak(SUZANNE, zaak)
    settings.CITIZEN_MAX_VERTROUWELIJKHEID = "vertrouwelijk"
    assert may_view_zaak(SUZANNE, zaak)
