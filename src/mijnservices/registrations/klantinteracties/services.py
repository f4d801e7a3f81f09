"""Writes for the Klantinteracties registration: keyword-only ``<noun>_<verb>`` functions
that change the data and record an outbox event (kanaal ``klantinteracties``) in one
transaction."""

from __future__ import annotations

import uuid as uuid_lib
from datetime import date, datetime, time
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party
from mijnservices.core.outbox import event_record
from mijnservices.core.updates import model_update
from mijnservices.registrations.klantinteracties import selectors
from mijnservices.registrations.klantinteracties.models import (
    Actor,
    ActorKlantcontact,
    Betrokkene,
    Bijlage,
    Categorie,
    CategorieRelatie,
    DigitaalAdres,
    Internetaak,
    Klantcontact,
    Onderwerpobject,
    Partij,
    PartijIdentificator,
    Rekeningnummer,
    SoortActor,
    SoortDigitaalAdres,
    SoortPartij,
    Vertegenwoordiging,
)

MOUNT = "/klantinteracties/api/v1"


def resource_url(collection: str, uuid: uuid_lib.UUID | str) -> str:
    return f"{MOUNT}/{collection}/{uuid}"


def _event(*, resource: str, collection: str, obj: Any, actie: str, hoofd: str = "") -> None:
    path = resource_url(collection, obj.uuid)
    event_record(
        kanaal="klantinteracties",
        resource=resource,
        actie=actie,
        hoofd_object=hoofd or path,
        # An API path: the notificaties handler makes it the absolute resourceUrl.
        resource_id=path,
    )


def _numbered(model: type[models.Model], **fields: Any) -> Any:
    """Create a row with a unique 10-digit ``nummer`` derived from its primary key."""
    obj: Any = model._default_manager.create(nummer=uuid_lib.uuid4().hex[:10], **fields)
    obj.nummer = f"{obj.pk:010d}"
    obj.save(update_fields=["nummer"])
    return obj


def _party_lock(party: Party) -> None:
    key = f"klantinteracties.partij:{party.kind}:{party.identifier}:{party.vestiging}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])


@transaction.atomic
def partij_ensure(*, party: Party) -> Partij:
    """The partij for the party, created with its identificatoren when it is missing.
    Concurrent calls for one party serialise on a transaction-scoped advisory lock, so
    they never create two partijen."""
    if connection.vendor == "postgresql":
        _party_lock(party)
    existing = selectors.partij_for(party)
    if existing is not None:
        return existing
    if party.kind == "bsn":
        identificatie: dict[str, Any] = {"contactnaam": {"achternaam": party.name}}
        partij = _numbered(
            Partij, soort_partij=SoortPartij.PERSOON, partij_identificatie=identificatie
        )
        PartijIdentificator.objects.create(
            partij=partij,
            code_objecttype="natuurlijk_persoon",
            code_soort_object_id="bsn",
            object_id=party.identifier,
            code_register="brp",
        )
    else:
        partij = _numbered(
            Partij,
            soort_partij=SoortPartij.ORGANISATIE,
            partij_identificatie={"naam": party.name},
        )
        kvk = PartijIdentificator.objects.create(
            partij=partij,
            code_objecttype="niet_natuurlijk_persoon",
            code_soort_object_id="kvk_nummer",
            object_id=party.identifier,
            code_register="hr",
        )
        if party.vestiging:
            PartijIdentificator.objects.create(
                partij=partij,
                code_objecttype="vestiging",
                code_soort_object_id="vestigingsnummer",
                object_id=party.vestiging,
                code_register="hr",
                sub_identificator_van=kvk,
            )
    _event(resource="partij", collection="partijen", obj=partij, actie="create")
    return partij


def _actor_ensure(naam: str) -> Actor:
    actor = Actor.objects.filter(naam=naam, soort_actor=SoortActor.MEDEWERKER).first()
    if actor is None:
        actor = Actor.objects.create(naam=naam, soort_actor=SoortActor.MEDEWERKER)
    return actor


@transaction.atomic
def klantcontact_register(
    *,
    party: Party,
    kanaal: str,
    onderwerp: str,
    inhoud: str,
    plaatsgevonden_op: datetime | None = None,
    zaak_url: str = "",
    indicatie_contact_gelukt: bool | None = None,
    actor_naam: str = "",
    vertrouwelijk: bool = False,
    taal: str = "nld",
    reactie: str = "",
    interne_notitie: str = "",
) -> Klantcontact:
    """Register a contact with the party: the klantcontact, a betrokkene (klant, initiator)
    for the party's partij, an onderwerpobject for the zaak and the actor, if given.
    ``reactie`` (an answer to the party's question) is kept as the inhoud's second part."""
    if not kanaal or not onderwerp:
        raise DomainError("kanaal and onderwerp are required.", code="required", field="kanaal")
    partij = partij_ensure(party=party)
    text = inhoud if not reactie else f"{inhoud}\n\n{reactie}" if inhoud else reactie
    klantcontact = _numbered(
        Klantcontact,
        kanaal=kanaal,
        onderwerp=onderwerp[:200],
        inhoud=text,
        interne_notitie=interne_notitie,
        indicatie_contact_gelukt=indicatie_contact_gelukt,
        taal=taal,
        vertrouwelijk=vertrouwelijk,
        plaatsgevonden_op=plaatsgevonden_op or timezone.now(),
    )
    Betrokkene.objects.create(
        klantcontact=klantcontact,
        partij=partij,
        rol="klant",
        initiator=not actor_naam,
        contactnaam=(partij.partij_identificatie or {}).get("contactnaam") or {},
        organisatienaam=str((partij.partij_identificatie or {}).get("naam", ""))[:200],
    )
    if zaak_url:
        Onderwerpobject.objects.create(
            klantcontact=klantcontact,
            code_objecttype="zgw-Zaak",
            code_soort_object_id="url",
            object_id=zaak_url,
            code_register="openzaak",
        )
    if actor_naam:
        ActorKlantcontact.objects.create(actor=_actor_ensure(actor_naam), klantcontact=klantcontact)
    _event(resource="klantcontact", collection="klantcontacten", obj=klantcontact, actie="create")
    return klantcontact


@transaction.atomic
def klantcontact_answer(
    *,
    vraag: Klantcontact,
    antwoord: str,
    actor_naam: str,
    kanaal: str = "portaal",
    plaatsgevonden_op: datetime | None = None,
) -> Klantcontact:
    """Answer a party's question: a new klantcontact with the same party, whose
    onderwerpobject refers back to the question (``wasKlantcontact``, as Open Klant links
    follow-ups) and to the same zaak."""
    if not antwoord.strip():
        raise DomainError("An answer needs text.", code="required", field="antwoord")
    betrokkene = vraag.betrokkenen.select_related("partij").filter(rol="klant").first()
    if betrokkene is None or betrokkene.partij is None:
        raise DomainError("This klantcontact has no party to answer.", code="no-party")
    party = selectors.party_of(betrokkene.partij)
    if party is None:
        raise DomainError("This klantcontact has no party to answer.", code="no-party")
    zaak = vraag.onderwerpobjecten.filter(code_objecttype="zgw-Zaak").first()
    answer = klantcontact_register(
        party=party,
        kanaal=kanaal,
        onderwerp=f"Antwoord: {vraag.onderwerp}",
        inhoud=antwoord.strip(),
        indicatie_contact_gelukt=True,
        actor_naam=actor_naam or "Gemeente",
        taal=vraag.taal,
        plaatsgevonden_op=plaatsgevonden_op,
    )
    Onderwerpobject.objects.create(
        klantcontact=answer,
        was_klantcontact=vraag,
        code_objecttype="zgw-Zaak" if zaak else "klantcontact",
        code_soort_object_id="url" if zaak else "uuid",
        object_id=zaak.object_id if zaak else str(vraag.uuid),
        code_register="openzaak" if zaak else "openklant",
    )
    return answer


@transaction.atomic
def digitaal_adres_create(
    *,
    party: Party,
    adres: str,
    soort: str,
    referentie: str = "",
    is_standaard: bool = False,
    verificatie_datum: date | None = None,
    omschrijving: str = "",
) -> DigitaalAdres:
    """Add a digitaal adres to the party's partij (created if missing). A new standard
    address of a kind replaces the previous standard one of that kind."""
    if soort not in SoortDigitaalAdres.values:
        raise DomainError("Unknown soortDigitaalAdres.", code="invalid_choice", field="soort")
    if not adres:
        raise DomainError("adres is required.", code="required", field="adres")
    partij = partij_ensure(party=party)
    if is_standaard:
        DigitaalAdres.objects.filter(
            partij=partij, soort_digitaal_adres=soort, is_standaard_adres=True
        ).update(is_standaard_adres=False)
    verified: datetime | None = None
    if verificatie_datum is not None:
        verified = (
            verificatie_datum
            if isinstance(verificatie_datum, datetime)
            else timezone.make_aware(datetime.combine(verificatie_datum, time()))
        )
    digitaal_adres = DigitaalAdres.objects.create(
        partij=partij,
        soort_digitaal_adres=soort,
        adres=adres[:80],
        referentie=referentie[:200],
        is_standaard_adres=is_standaard,
        verificatie_datum=verified,
        omschrijving=omschrijving[:40],
    )
    _event(
        resource="digitaaladres",
        collection="digitaleadressen",
        obj=digitaal_adres,
        actie="create",
        hoofd=resource_url("partijen", partij.uuid),
    )
    return digitaal_adres


@transaction.atomic
def digitaal_adres_verify(*, digitaal_adres: DigitaalAdres) -> DigitaalAdres:
    """The party proved it controls the address: record when, and make it the standard
    address of its kind (the previous standard one of that kind stays, not standard)."""
    if digitaal_adres.partij_id is not None:
        DigitaalAdres.objects.filter(
            partij_id=digitaal_adres.partij_id,
            soort_digitaal_adres=digitaal_adres.soort_digitaal_adres,
            is_standaard_adres=True,
        ).exclude(pk=digitaal_adres.pk).update(is_standaard_adres=False)
    digitaal_adres.verificatie_datum = timezone.now()
    digitaal_adres.is_standaard_adres = True
    digitaal_adres.save(update_fields=["verificatie_datum", "is_standaard_adres"])
    _event(
        resource="digitaaladres",
        collection="digitaleadressen",
        obj=digitaal_adres,
        actie="update",
        hoofd=resource_url("partijen", digitaal_adres.partij.uuid) if digitaal_adres.partij else "",
    )
    return digitaal_adres


@transaction.atomic
def digitaal_adres_delete(*, digitaal_adres: DigitaalAdres) -> None:
    partij = digitaal_adres.partij
    _event(
        resource="digitaaladres",
        collection="digitaleadressen",
        obj=digitaal_adres,
        actie="destroy",
        hoofd=resource_url("partijen", partij.uuid) if partij else "",
    )
    digitaal_adres.delete()


@transaction.atomic
def vertegenwoordiging_create(
    *, vertegenwoordiger: Party, vertegenwoordigde: Party
) -> Vertegenwoordiging:
    """Record that ``vertegenwoordiger`` acts on behalf of ``vertegenwoordigde`` (idempotent)."""
    if vertegenwoordiger == vertegenwoordigde:
        raise DomainError("A partij cannot represent itself.", code="invalid", field="partij")
    vertegenwoordiging, created = Vertegenwoordiging.objects.get_or_create(
        vertegenwoordigende_partij=partij_ensure(party=vertegenwoordiger),
        vertegenwoordigde_partij=partij_ensure(party=vertegenwoordigde),
    )
    if created:
        _event(
            resource="vertegenwoordiging",
            collection="vertegenwoordigingen",
            obj=vertegenwoordiging,
            actie="create",
        )
    return vertegenwoordiging


# --- Writes for the Klantinteracties 0.9.0 API -----------------------------------------
# Every API resource is written through these: validated values in, one transaction, one
# outbox event (kanaal ``klantinteracties``, the resource's API path as resource URL).

RESOURCES: dict[type[models.Model], tuple[str, str]] = {
    Partij: ("partij", "partijen"),
    PartijIdentificator: ("partijidentificator", "partij-identificatoren"),
    DigitaalAdres: ("digitaaladres", "digitaleadressen"),
    Rekeningnummer: ("rekeningnummer", "rekeningnummers"),
    Vertegenwoordiging: ("vertegenwoordiging", "vertegenwoordigingen"),
    Klantcontact: ("klantcontact", "klantcontacten"),
    Betrokkene: ("betrokkene", "betrokkenen"),
    Onderwerpobject: ("onderwerpobject", "onderwerpobjecten"),
    Bijlage: ("bijlage", "bijlagen"),
    Actor: ("actor", "actoren"),
    ActorKlantcontact: ("actorklantcontact", "actorklantcontacten"),
    Internetaak: ("internetaak", "internetaken"),
    Categorie: ("categorie", "categorieen"),
    CategorieRelatie: ("categorierelatie", "categorie-relaties"),
}
_NUMBERED = (Partij, Klantcontact, Internetaak)
_NOW_DEFAULTS = {Klantcontact: "plaatsgevonden_op", Internetaak: "toegewezen_op"}


def _record_event(record: Any, actie: str) -> None:
    resource, collection = RESOURCES[type(record)]
    _event(resource=resource, collection=collection, obj=record, actie=actie)


def _set_many(record: Any, many: dict[str, list[Any]] | None) -> None:
    for name, values in (many or {}).items():
        getattr(record, name).set(values)
    if isinstance(record, DigitaalAdres) and record.is_standaard_adres and record.partij_id:
        # At most one standard address per partij and soort (as Open Klant keeps it).
        DigitaalAdres.objects.filter(
            partij_id=record.partij_id,
            soort_digitaal_adres=record.soort_digitaal_adres,
            is_standaard_adres=True,
        ).exclude(pk=record.pk).update(is_standaard_adres=False)


@transaction.atomic
def record_create(
    *, model: type[models.Model], values: dict[str, Any], many: dict[str, list[Any]] | None = None
) -> Any:
    """Create one row of an API resource from validated ``values`` (model field names;
    ``many`` sets many-to-many relations). Partij, klantcontact and internetaak get their
    ``nummer`` when none is given."""
    if model in _NOW_DEFAULTS and not values.get(_NOW_DEFAULTS[model]):
        values = {**values, _NOW_DEFAULTS[model]: timezone.now()}
    if model in _NUMBERED and not values.get("nummer"):
        values = {k: v for k, v in values.items() if k != "nummer"}
        record = _numbered(model, **values)
    else:
        record = model._default_manager.create(**values)
    _set_many(record, many)
    _record_event(record, "create")
    return record


@transaction.atomic
def record_update(
    *, record: Any, values: dict[str, Any], many: dict[str, list[Any]] | None = None
) -> Any:
    """Change the given fields of one row of an API resource."""
    model_update(instance=record, fields=values)
    _set_many(record, many)
    _record_event(record, "update")
    return record


@transaction.atomic
def record_delete(*, record: Any) -> None:
    _record_event(record, "destroy")
    try:
        record.delete()
    except models.ProtectedError as exc:
        # A categorie still used by categorie-relaties.
        raise DomainError("This object is still in use.", code="in-use") from exc


@transaction.atomic
def partij_create(
    *, values: dict[str, Any], identificatoren: list[dict[str, Any]] | None = None
) -> Partij:
    """A partij with its partij-identificatoren (the API's nested ``partijIdentificatoren``)."""
    partij: Partij = record_create(model=Partij, values=values)
    for identificator in identificatoren or []:
        record_create(model=PartijIdentificator, values={**identificator, "partij": partij})
    return partij


@transaction.atomic
def klantcontact_make(
    *,
    klantcontact: dict[str, Any],
    betrokkene: dict[str, Any] | None = None,
    onderwerpobject: dict[str, Any] | None = None,
) -> tuple[Klantcontact, Betrokkene | None, Onderwerpobject | None]:
    """``POST /maak-klantcontact``: a klantcontact with, optionally, one betrokkene and one
    onderwerpobject, all or nothing."""
    contact: Klantcontact = record_create(model=Klantcontact, values=klantcontact)
    made_betrokkene = None
    if betrokkene is not None:
        made_betrokkene = record_create(
            model=Betrokkene, values={**betrokkene, "klantcontact": contact}
        )
    made_onderwerp = None
    if onderwerpobject is not None:
        made_onderwerp = record_create(
            model=Onderwerpobject, values={**onderwerpobject, "klantcontact": contact}
        )
    return contact, made_betrokkene, made_onderwerp


@transaction.atomic
def onderwerpobject_delete(
    *, onderwerpobject: Onderwerpobject, cascade: bool = False
) -> list[Klantcontact]:
    """Delete an onderwerpobject; with ``cascade`` also its klantcontacten (and so their
    betrokkenen and digitale adressen) that no other onderwerpobject uses. Returns the
    klantcontacten kept because another onderwerpobject still uses them."""
    contacts = [
        c for c in (onderwerpobject.klantcontact, onderwerpobject.was_klantcontact) if c is not None
    ]
    record_delete(record=onderwerpobject)
    kept: list[Klantcontact] = []
    for contact in contacts if cascade else []:
        in_use = Onderwerpobject.objects.filter(
            models.Q(klantcontact=contact) | models.Q(was_klantcontact=contact)
        ).exists()
        if in_use:
            kept.append(contact)
        else:
            record_delete(record=contact)
    return kept
