"""Writes of a person's contact preferences and contact details.

Contact details are Klantinteracties digitale adressen. A new one is stored unverified with a
``Verificatie`` in the same transaction; the worker sends the link (e-mail) or code (phone)
(``delivery``). Only after verification does it get a ``verificatieDatum`` and become the
standard address of its kind — the Notificatieservice uses verified addresses only."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.models import DigitaalAdres
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.registrations.klantinteracties.services import (
    digitaal_adres_create,
    digitaal_adres_delete,
    digitaal_adres_verify,
)
from mijnservices.services.profiel.models import (
    ACTION_REQUIRED,
    Kanaal,
    MeldingSoort,
    Verificatie,
    Voorkeuren,
)

EMAIL_SALT = "mijnservices.profiel.email-verificatie"
SOORT_BY_KANAAL = {Kanaal.EMAIL: "email", Kanaal.SMS: "telefoonnummer"}


@transaction.atomic
def voorkeuren_update(
    *,
    party: Party,
    voorkeurskanaal: str,
    uitgezet: Iterable[str],
    alleen_digitaal: bool,
    taal: str = "nl",
) -> Voorkeuren:
    if voorkeurskanaal not in Kanaal.values:
        raise DomainError("Unknown channel.", code="invalid-channel")
    off = sorted(set(uitgezet))
    unknown = [soort for soort in off if soort not in MeldingSoort.values]
    if unknown:
        raise DomainError("Unknown notification kind.", code="invalid-kind")
    off = [soort for soort in off if soort not in ACTION_REQUIRED]
    voorkeuren, _ = Voorkeuren.objects.update_or_create(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
        defaults={
            "voorkeurskanaal": voorkeurskanaal,
            "uitgezet": off,
            "alleen_digitaal": alleen_digitaal,
            "taal": taal if taal in ("nl", "en") else "nl",
        },
    )
    return voorkeuren


def normalise_phone(raw: str) -> str:
    """A Dutch mobile number as +316xxxxxxxx; DomainError otherwise."""
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("06"):
        digits = "+31" + digits[1:]
    if not re.fullmatch(r"\+316\d{8}", digits):
        raise DomainError(
            "Enter a Dutch mobile number, for example 06 12345678.",
            code="invalid-phone",
            field="adres",
        )
    return digits


def _code_hash(verificatie_uuid: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{verificatie_uuid}:{code}".encode(), hashlib.sha256).hexdigest()


def _verificatie_new(party: Party, adres: DigitaalAdres, kanaal: str, taal: str) -> Verificatie:
    now = timezone.now()
    Verificatie.objects.filter(
        digitaal_adres_uuid=adres.uuid,
        status__in=[Verificatie.Status.TE_VERSTUREN, Verificatie.Status.VERSTUURD],
    ).update(status=Verificatie.Status.VERLOPEN, code_te_versturen="")
    if kanaal == Kanaal.EMAIL:
        expires = now + timedelta(hours=int(settings.PROFIEL_EMAIL_LINK_HOURS))
    else:
        expires = now + timedelta(minutes=int(settings.PROFIEL_SMS_CODE_MINUTES))
    verificatie = Verificatie(
        digitaal_adres_uuid=adres.uuid,
        party_kind=party.kind,
        party_identifier=party.identifier,
        kanaal=kanaal,
        adres=adres.adres,
        verloopt_op=expires,
        volgende_poging_op=now,
        taal=taal if taal in ("nl", "en") else "nl",
    )
    if kanaal == Kanaal.SMS:
        code = f"{secrets.randbelow(1_000_000):06d}"
        verificatie.code_hash = _code_hash(str(verificatie.uuid), code)
        verificatie.code_te_versturen = code
    verificatie.save()
    return verificatie


@transaction.atomic
def contact_detail_add(*, party: Party, kanaal: str, adres: str, taal: str = "nl") -> Verificatie:
    """Store a new e-mail address or mobile number (unverified) and queue its verification."""
    if kanaal == Kanaal.EMAIL:
        adres = adres.strip()
        try:
            validate_email(adres)
        except ValidationError:
            raise DomainError(
                "Enter an e-mail address like name@example.nl.", code="invalid-email", field="adres"
            ) from None
    elif kanaal == Kanaal.SMS:
        adres = normalise_phone(adres)
    else:
        raise DomainError("Unknown channel.", code="invalid-channel")
    soort = SOORT_BY_KANAAL[Kanaal(kanaal)]
    existing = [a for a in digitale_adressen_for(party) if a.soort_digitaal_adres == soort]
    if any(a.adres.lower() == adres.lower() for a in existing):
        raise DomainError("You have already added this address.", code="duplicate", field="adres")
    digitaal_adres = digitaal_adres_create(party=party, adres=adres, soort=soort)
    return _verificatie_new(party, digitaal_adres, kanaal, taal)


def _own_address(party: Party, digitaal_adres_uuid: str) -> DigitaalAdres:
    for adres in digitale_adressen_for(party):
        if str(adres.uuid) == str(digitaal_adres_uuid):
            return adres
    raise DomainError("This address is not yours.", code="not-found")


@transaction.atomic
def verification_resend(*, party: Party, digitaal_adres_uuid: str, taal: str = "nl") -> Verificatie:
    adres = _own_address(party, digitaal_adres_uuid)
    if adres.verificatie_datum is not None:
        raise DomainError("This address is already verified.", code="already-verified")
    kanaal = Kanaal.EMAIL if adres.soort_digitaal_adres == "email" else Kanaal.SMS
    return _verificatie_new(party, adres, kanaal, taal)


def email_token(verificatie: Verificatie) -> str:
    return signing.dumps(str(verificatie.uuid), salt=EMAIL_SALT)


def _current(party: Party, verificatie: Verificatie | None) -> Verificatie:
    if verificatie is None or (verificatie.party_kind, verificatie.party_identifier) != (
        party.kind,
        party.identifier,
    ):
        raise DomainError("This link or code is not valid.", code="invalid")
    if verificatie.status == Verificatie.Status.BEVESTIGD:
        raise DomainError("This address has already been verified.", code="used")
    if (
        verificatie.status == Verificatie.Status.VERLOPEN
        or verificatie.verloopt_op < timezone.now()
    ):
        raise DomainError("This link or code has expired. Ask for a new one.", code="expired")
    return verificatie


def _confirm(party: Party, verificatie: Verificatie) -> DigitaalAdres:
    adres = _own_address(party, str(verificatie.digitaal_adres_uuid))
    verificatie.status = Verificatie.Status.BEVESTIGD
    verificatie.code_te_versturen = ""
    verificatie.save(update_fields=["status", "code_te_versturen"])
    return digitaal_adres_verify(digitaal_adres=adres)


@transaction.atomic
def email_verify(*, party: Party, token: str) -> DigitaalAdres:
    try:
        verificatie_uuid = signing.loads(token, salt=EMAIL_SALT)
    except signing.BadSignature:
        raise DomainError("This link or code is not valid.", code="invalid") from None
    verificatie = (
        Verificatie.objects.select_for_update()
        .filter(uuid=verificatie_uuid, kanaal=Kanaal.EMAIL)
        .first()
    )
    return _confirm(party, _current(party, verificatie))


def phone_verify(*, party: Party, digitaal_adres_uuid: str, code: str) -> DigitaalAdres:
    """Check the code; wrong codes count, and after too many a new code is needed."""
    with transaction.atomic():
        verificatie = _current(
            party,
            Verificatie.objects.select_for_update()
            .filter(digitaal_adres_uuid=digitaal_adres_uuid, kanaal=Kanaal.SMS)
            .exclude(status=Verificatie.Status.VERLOPEN)
            .order_by("-aangemaakt_op")
            .first(),
        )
        if verificatie.pogingen >= int(settings.PROFIEL_SMS_CODE_ATTEMPTS):
            raise DomainError("Too many wrong codes. Ask for a new code.", code="too-many")
        expected = verificatie.code_hash
        if not hmac.compare_digest(expected, _code_hash(str(verificatie.uuid), code.strip())):
            verificatie.pogingen += 1
            verificatie.save(update_fields=["pogingen"])
            wrong = True
        else:
            wrong = False
            adres = _confirm(party, verificatie)
    if wrong:  # the counted attempt is committed before the refusal
        raise DomainError("This code is not right.", code="wrong-code", field="code")
    return adres


@transaction.atomic
def contact_detail_remove(*, party: Party, digitaal_adres_uuid: str) -> None:
    adres = _own_address(party, digitaal_adres_uuid)
    Verificatie.objects.filter(digitaal_adres_uuid=adres.uuid).exclude(
        status=Verificatie.Status.BEVESTIGD
    ).update(status=Verificatie.Status.VERLOPEN, code_te_versturen="")
    digitaal_adres_delete(digitaal_adres=adres)
