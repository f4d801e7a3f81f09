"""Contact details are used only after verification: the e-mail link and SMS code rules, and
the notification choices (action-required kinds cannot be switched off)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.services.profiel import services
from mijnservices.services.profiel.models import Verificatie
from mijnservices.services.profiel.selectors import contact_details, voorkeuren_for

pytestmark = pytest.mark.django_db

SUZANNE = Party(kind="bsn", identifier="999993653")
ELS = Party(kind="bsn", identifier="999991589")


def test_a_new_email_address_is_unverified_until_its_link_is_used():
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    [adres] = digitale_adressen_for(SUZANNE)
    assert adres.verificatie_datum is None and not adres.is_standaard_adres
    services.email_verify(party=SUZANNE, token=services.email_token(verificatie))
    adres.refresh_from_db()
    assert adres.verificatie_datum is not None and adres.is_standaard_adres
    with pytest.raises(DomainError, match="already"):
        services.email_verify(party=SUZANNE, token=services.email_token(verificatie))


def test_a_link_does_not_work_for_someone_else_or_after_it_expired():
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    token = services.email_token(verificatie)
    with pytest.raises(DomainError, match="not valid"):
        services.email_verify(party=ELS, token=token)
    with pytest.raises(DomainError, match="not valid"):
        services.email_verify(party=SUZANNE, token=token + "x")
    Verificatie.objects.filter(pk=verificatie.pk).update(
        verloopt_op=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(DomainError, match="expired"):
        services.email_verify(party=SUZANNE, token=token)
    assert digitale_adressen_for(SUZANNE)[0].verificatie_datum is None


def test_a_phone_code_allows_a_limited_number_of_wrong_tries(settings):
    settings.PROFIEL_SMS_CODE_ATTEMPTS = 3
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="sms", adres="06 1234 5678")
    assert verificatie.adres == "+31612345678"
    code = verificatie.code_te_versturen
    adres_uuid = str(verificatie.digitaal_adres_uuid)
    for _ in range(3):
        with pytest.raises(DomainError, match="not right"):
            services.phone_verify(
                party=SUZANNE,
                digitaal_adres_uuid=adres_uuid,
                code="000000" if code != "000000" else "111111",
            )
    with pytest.raises(DomainError, match="Too many"):
        services.phone_verify(party=SUZANNE, digitaal_adres_uuid=adres_uuid, code=code)
    fresh = services.verification_resend(party=SUZANNE, digitaal_adres_uuid=adres_uuid)
    services.phone_verify(
        party=SUZANNE, digitaal_adres_uuid=adres_uuid, code=fresh.code_te_versturen
    )
    assert contact_details(SUZANNE)[0].verified_on is not None


def test_bad_addresses_are_refused_with_a_clear_message():
    with pytest.raises(DomainError, match="e-mail address like"):
        services.contact_detail_add(party=SUZANNE, kanaal="email", adres="geen-adres")
    with pytest.raises(DomainError, match="Dutch mobile number"):
        services.contact_detail_add(party=SUZANNE, kanaal="sms", adres="020 123 4567")
    services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    with pytest.raises(DomainError, match="already added"):
        services.contact_detail_add(party=SUZANNE, kanaal="email", adres="S@example.nl")


def test_removing_an_address_of_someone_else_is_refused():
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    with pytest.raises(DomainError):
        services.contact_detail_remove(
            party=ELS, digitaal_adres_uuid=str(verificatie.digitaal_adres_uuid)
        )
    services.contact_detail_remove(
        party=SUZANNE, digitaal_adres_uuid=str(verificatie.digitaal_adres_uuid)
    )
    assert digitale_adressen_for(SUZANNE) == []


def test_tasks_and_reminders_cannot_be_switched_off():
    services.voorkeuren_update(
        party=SUZANNE,
        voorkeurskanaal="sms",
        uitgezet=["status", "taak", "herinnering"],
        alleen_digitaal=True,
    )
    voorkeuren = voorkeuren_for(SUZANNE)
    assert voorkeuren.uitgezet == ["status"]
    assert not voorkeuren.wants("status")
    assert (
        voorkeuren.wants("bericht") and voorkeuren.wants("taak") and voorkeuren.wants("herinnering")
    )
    assert voorkeuren.voorkeurskanaal == "sms" and voorkeuren.alleen_digitaal
    with pytest.raises(DomainError):
        services.voorkeuren_update(
            party=SUZANNE, voorkeurskanaal="fax", uitgezet=[], alleen_digitaal=False
        )
