"""Referrals to a specialist ("doorverwijzen"): a Klantinteracties internetaak assigned to
the case team of a zaaktype, and the behandelaar's list of referred questions.

The case team is a Klantinteracties actor of soort "organisatorische eenheid" whose
actoridentificator names the zaaktype (``code_objecttype`` "zaaktype", ``object_id`` its
identificatie). Writes go through the registration's generic ``record_create`` /
``record_update`` services (the same ones the Klantinteracties API uses), so every change
records its outbox event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee, Party
from mijnservices.registrations.klantinteracties.models import (
    Actor,
    Betrokkene,
    Internetaak,
    Klantcontact,
    SoortActor,
)
from mijnservices.registrations.klantinteracties.selectors import party_of
from mijnservices.registrations.klantinteracties.services import record_create, record_update
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access import employees

TEAM_OBJECTTYPE = "zaaktype"


def _team_identificator(zaaktype_identificatie: str) -> dict[str, str]:
    return {
        "object_id": zaaktype_identificatie,
        "code_objecttype": TEAM_OBJECTTYPE,
        "code_register": "catalogi",
        "code_soort_object_id": "identificatie",
    }


def team_ensure(*, zaaktype_identificatie: str) -> Actor:
    """The case team (an organisatorische eenheid) of a zaaktype, created when missing."""
    team = Actor.objects.filter(
        soort_actor=SoortActor.ORGANISATORISCHE_EENHEID,
        actoridentificator__code_objecttype=TEAM_OBJECTTYPE,
        actoridentificator__object_id=zaaktype_identificatie,
    ).first()
    if team is not None:
        return team
    created: Actor = record_create(
        model=Actor,
        values={
            "naam": f"Behandelteam {zaaktype_identificatie}"[:200],
            "soort_actor": SoortActor.ORGANISATORISCHE_EENHEID,
            "actoridentificator": _team_identificator(zaaktype_identificatie),
        },
    )
    return created


@transaction.atomic
def referral_create(
    *, klantcontact: Klantcontact, zaak: Zaak, gevraagde_handeling: str, toelichting: str = ""
) -> Internetaak:
    """Refer the question of ``klantcontact`` to the case team of ``zaak``'s zaaktype."""
    if not gevraagde_handeling.strip():
        raise DomainError("Say what the case team should do.", code="required")
    team = team_ensure(zaaktype_identificatie=zaak.zaaktype.identificatie)
    taak: Internetaak = record_create(
        model=Internetaak,
        values={
            "klantcontact": klantcontact,
            "gevraagde_handeling": gevraagde_handeling.strip()[:200],
            "toelichting": toelichting.strip(),
            "status": Internetaak.Status.TE_VERWERKEN,
        },
        many={"toegewezen_aan_actoren": [team]},
    )
    return taak


@transaction.atomic
def referral_handle(*, internetaak: Internetaak) -> Internetaak:
    """Mark a referred question as handled (verwerkt, with the time)."""
    if internetaak.status == Internetaak.Status.VERWERKT:
        return internetaak
    handled: Internetaak = record_update(
        record=internetaak,
        values={"status": Internetaak.Status.VERWERKT, "afgehandeld_op": timezone.now()},
    )
    return handled


# --- Reads ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReferralRow:
    uuid: UUID
    nummer: str
    gevraagde_handeling: str
    toelichting: str
    toegewezen_op: datetime
    team: str
    kanaal: str
    inhoud: str
    zaak_uuid: str
    parties: list[Party]


def _scope(employee: Employee) -> QuerySet[Internetaak]:
    return Internetaak.objects.filter(
        toegewezen_aan_actoren__soort_actor=SoortActor.ORGANISATORISCHE_EENHEID,
        toegewezen_aan_actoren__actoridentificator__code_objecttype=TEAM_OBJECTTYPE,
        toegewezen_aan_actoren__actoridentificator__object_id__in=sorted(
            employees.referral_zaaktypen(employee)
        ),
    )


def referrals_for(employee: Employee) -> list[ReferralRow]:
    """Open referrals for the teams of the employee's zaaktypen, oldest first (4 queries)."""
    queryset = (
        _scope(employee)
        .filter(status=Internetaak.Status.TE_VERWERKEN)
        .distinct()
        .select_related("klantcontact")
        .prefetch_related(
            "toegewezen_aan_actoren",
            "klantcontact__onderwerpobjecten",
            Prefetch(
                "klantcontact__betrokkenen",
                queryset=Betrokkene.objects.select_related("partij").prefetch_related(
                    "partij__identificatoren"
                ),
            ),
        )
        .order_by("toegewezen_op", "pk")
    )
    rows = []
    for taak in queryset:
        contact = taak.klantcontact
        zaak_url = next(
            (
                o.object_id
                for o in contact.onderwerpobjecten.all()
                if o.code_objecttype == "zgw-Zaak"
            ),
            "",
        )
        parties = [
            p
            for p in (party_of(b.partij) for b in contact.betrokkenen.all() if b.partij)
            if p is not None
        ]
        rows.append(
            ReferralRow(
                uuid=taak.uuid,
                nummer=taak.nummer,
                gevraagde_handeling=taak.gevraagde_handeling,
                toelichting=taak.toelichting,
                toegewezen_op=taak.toegewezen_op,
                team=", ".join(a.naam for a in taak.toegewezen_aan_actoren.all()),
                kanaal=contact.kanaal,
                inhoud=contact.inhoud,
                zaak_uuid=zaak_url.rstrip("/").rsplit("/", 1)[-1] if zaak_url else "",
                parties=parties,
            )
        )
    return rows


def referral_for_employee(employee: Employee, uuid: UUID) -> Internetaak | None:
    return _scope(employee).filter(uuid=uuid).first()
