"""Reads for the Klantinteracties registration, keyed on a portal/KCC ``Party``.

A party is found through its partij-identificator: ``bsn`` (natuurlijk persoon, BRP),
``kvk_nummer`` (niet-natuurlijk persoon, HR) and, for one vestiging, a ``vestigingsnummer``
identificator whose ``sub_identificator_van`` is the kvk_nummer identificator.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.models import (
    Betrokkene,
    DigitaalAdres,
    Klantcontact,
    Partij,
    PartijIdentificator,
    SoortPartij,
)


def _identificatoren(party: Party) -> QuerySet[PartijIdentificator]:
    """The identificatoren that name the party's partij (the first by pk counts)."""
    if party.kind == "bsn":
        ids = PartijIdentificator.objects.filter(
            code_soort_object_id="bsn", object_id=party.identifier, partij__isnull=False
        )
    elif party.vestiging:
        ids = PartijIdentificator.objects.filter(
            code_soort_object_id="vestigingsnummer",
            object_id=party.vestiging,
            sub_identificator_van__code_soort_object_id="kvk_nummer",
            sub_identificator_van__object_id=party.identifier,
            partij__isnull=False,
        )
    else:
        vestiging = PartijIdentificator.objects.filter(
            partij=OuterRef("partij"), code_soort_object_id="vestigingsnummer"
        )
        ids = PartijIdentificator.objects.filter(
            code_soort_object_id="kvk_nummer", object_id=party.identifier, partij__isnull=False
        ).exclude(Exists(vestiging))
    return ids.order_by("pk")


def partij_for(party: Party) -> Partij | None:
    """The partij identified by the party's BSN / KvK-nummer (+ vestigingsnummer)."""
    identificator = _identificatoren(party).select_related("partij").first()
    return identificator.partij if identificator is not None else None


def partij_id_for(party: Party) -> int | None:
    """:func:`partij_for`'s primary key only (one small query, no model instances)."""
    found: int | None = _identificatoren(party).values_list("partij_id", flat=True).first()
    return found


def partij_id_subquery(party: Party) -> Subquery:
    """:func:`partij_id_for` as a subquery, for a query that needs the partij only to filter."""
    return Subquery(_identificatoren(party).values("partij_id")[:1])


def digitale_adressen_for(party: Party) -> list[DigitaalAdres]:
    """The party's digitale adressen, the standard one of each kind first."""
    partij = partij_for(party)
    if partij is None:
        return []
    return list(
        DigitaalAdres.objects.filter(partij=partij).order_by(
            "soort_digitaal_adres", "-is_standaard_adres", "pk"
        )
    )


def with_details(queryset: QuerySet[Klantcontact]) -> QuerySet[Klantcontact]:
    """Klantcontacten newest first, with what a timeline shows of each preloaded."""
    return queryset.order_by("-plaatsgevonden_op", "-pk").prefetch_related(
        Prefetch("betrokkenen", queryset=Betrokkene.objects.select_related("partij")),
        "onderwerpobjecten",
        "bijlagen",
        "actorklantcontacten__actor",
    )


def party_of(partij: Partij) -> Party | None:
    """The portal ``Party`` a partij stands for, from its identificatoren (prefetched or not)."""
    by_soort: dict[str, PartijIdentificator] = {}
    for identificator in partij.identificatoren.all():
        by_soort.setdefault(identificator.code_soort_object_id, identificator)
    name = partij_naam(partij)
    if "bsn" in by_soort:
        return Party(kind="bsn", identifier=by_soort["bsn"].object_id, name=name)
    if "kvk_nummer" in by_soort:
        vestiging = by_soort.get("vestigingsnummer")
        return Party(
            kind="kvk",
            identifier=by_soort["kvk_nummer"].object_id,
            vestiging=vestiging.object_id if vestiging is not None else "",
            name=name,
        )
    return None


def partij_naam(partij: Partij) -> str:
    identificatie = partij.partij_identificatie or {}
    if partij.soort_partij == SoortPartij.ORGANISATIE:
        return str(identificatie.get("naam", ""))
    contactnaam = identificatie.get("contactnaam") or {}
    parts = [
        contactnaam.get("voornaam", ""),
        contactnaam.get("voorvoegselAchternaam", ""),
        contactnaam.get("achternaam", ""),
    ]
    return " ".join(str(p) for p in parts if p)


def vertegenwoordigers_of(party: Party) -> list[Party]:
    """The parties that represent the party (its ``vertegenwoordigingen``)."""
    partij = partij_for(party)
    if partij is None:
        return []
    representatives = (
        Partij.objects.filter(vertegenwoordigt__vertegenwoordigde_partij=partij)
        .prefetch_related("identificatoren")
        .order_by("pk")
    )
    return [p for p in (party_of(r) for r in representatives) if p is not None]


QUESTION_KANAAL = "portaal"


def is_question(klantcontact: Klantcontact) -> bool:
    """A question the party asked in the portal (it started the contact itself)."""
    return klantcontact.kanaal == QUESTION_KANAAL and any(
        b.initiator for b in klantcontact.betrokkenen.all()
    )


def answered_question_ids(klantcontacten: list[Klantcontact]) -> dict[int, list[Klantcontact]]:
    """Answers per question pk, from klantcontacten already loaded with
    ``with_details`` (their prefetched onderwerpobjecten): no further queries."""
    answers: dict[int, list[Klantcontact]] = {}
    for contact in klantcontacten:
        for onderwerp in contact.onderwerpobjecten.all():
            if onderwerp.was_klantcontact_id is not None:
                answers.setdefault(onderwerp.was_klantcontact_id, []).append(contact)
    return answers
