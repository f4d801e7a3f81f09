"""Reading the verwerkingenlogging for the person it is about ("Wie heeft mijn gegevens
bekeken"): when, which organisation unit or system, what for, which data; never the
employee's own identity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie, VerwerktObject
from mijnservices.registrations.verwerkingen.services import SOORT, pseudonym


@dataclass(frozen=True)
class VerwerkingRow:
    tijdstip: datetime
    door: str  # organisation unit, else the system
    door_medewerker: bool
    door_gemachtigde: bool  # someone acting for the person: shown by name (issue 21)
    activiteit: str
    doel: str
    gegevens: list[str]


def verwerkingen_for(party: Party, *, limit: int = 200) -> list[VerwerkingRow]:
    """The latest verwerkingen about ``party`` (two queries), newest first."""
    acties = (
        Verwerkingsactie.objects.filter(
            verwerkte_objecten__soort_object_id=SOORT[party.kind],
            verwerkte_objecten__object_pseudonym=pseudonym(party.kind, party.identifier),
        )
        .exclude(vertrouwelijkheid="vertrouwelijk")
        .order_by("-tijdstip", "-pk")
        .distinct()[:limit]
    )
    return [
        VerwerkingRow(
            tijdstip=actie.tijdstip,
            door=actie.organisatie_eenheid or actie.systeem,
            door_medewerker=actie.gebruiker.startswith("employee:"),
            door_gemachtigde=actie.gebruiker.startswith("representative:"),
            activiteit=actie.actie_naam,
            doel=actie.doel,
            gegevens=[actie.handeling_naam] if actie.handeling_naam else [],
        )
        for actie in acties
    ]


# --- The auditor's view (employee names and every vertrouwelijkheid) -----------------------
AUDIT_LIMIT = 200


@dataclass(frozen=True)
class AuditRow:
    tijdstip: datetime
    gebruiker: str
    organisatie_eenheid: str
    activiteit: str
    doel: str
    vertrouwelijkheid: str
    # What was processed: the kind of object ("zaak", "klantbeeld") and which ones (zaaknummers),
    # and how many persons or businesses it was about.
    handeling: str = ""
    objecten: str = ""
    personen: int = 0


def _persons_count() -> Subquery:
    """How many persons an actie concerns, as a correlated count (a join would count only
    the rows the party filter kept)."""
    return Subquery(
        VerwerktObject.objects.filter(actie=OuterRef("pk"))
        .order_by()
        .values("actie")
        .annotate(total=Count("pk"))
        .values("total")[:1]
    )


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def verwerkingsacties_search(*, party: Party | None, van: date, tot: date) -> list[AuditRow]:
    """The auditor's search: verwerkingsacties in the period (about ``party`` when given),
    newest first, at most ``AUDIT_LIMIT``: one query."""
    acties = Verwerkingsactie.objects.filter(
        tijdstip__gte=_aware(van), tijdstip__lt=_aware(tot + timedelta(days=1))
    )
    if party is not None:
        acties = acties.filter(
            verwerkte_objecten__soort_object_id=SOORT[party.kind],
            verwerkte_objecten__object_pseudonym=pseudonym(party.kind, party.identifier),
        ).distinct()
    return [
        AuditRow(
            tijdstip=actie.tijdstip,
            gebruiker=actie.gebruiker,
            organisatie_eenheid=actie.organisatie_eenheid or actie.systeem,
            activiteit=actie.actie_naam,
            doel=actie.doel,
            vertrouwelijkheid=actie.vertrouwelijkheid,
            handeling=actie.handeling_naam,
            objecten=actie.verwerking_naam,
            personen=actie.personen,
        )
        for actie in acties.annotate(personen=_persons_count()).order_by("-tijdstip", "-pk")[
            :AUDIT_LIMIT
        ]
    ]
