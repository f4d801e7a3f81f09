"""Reads for the employee pages (KCC klantbeeld, work list, case handling). Every zaak query
starts from the access policy; whose zaak it is comes from ``registrations.zaken.parties``."""

from __future__ import annotations

from typing import IO
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from mijnservices.core.identity import Employee, Party
from mijnservices.core.paging import Page, page_of, window
from mijnservices.integration.zgw.models import ProjectedDocument
from mijnservices.registrations.besluiten.models import BesluitType
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    InformatieObjectVersie,
)
from mijnservices.registrations.documenten.services.relations import object_url
from mijnservices.registrations.documenten.storage import open_content
from mijnservices.registrations.klantinteracties.models import DigitaalAdres, Klantcontact
from mijnservices.registrations.klantinteracties.selectors import party_of
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.parties import (
    parties_of_zaak,
    party_of_zaaknummer,
    zaak_ids_of,
)
from mijnservices.services.access import employees
from mijnservices.services.access.klantinteracties import klantcontacten_for, open_questions_for
from mijnservices.services.access.policy import zaken_scope
from mijnservices.services.mijnzaken.selectors import OVERVIEW_FIELDS, zaak_for_detail

WORKLIST_FIELDS = (*OVERVIEW_FIELDS, "zaaktype__identificatie", "vertrouwelijkheidaanduiding")


def work_list(employee: Employee) -> QuerySet[Zaak]:
    """Open zaken of the zaaktypen the employee handles, oldest activity first."""
    return (
        employees.handled_zaken(employee, Zaak.objects.filter(einddatum__isnull=True))
        .select_related("zaaktype", "status__statustype")
        .only(*WORKLIST_FIELDS)
        .order_by("laatste_activiteit", "pk")
    )


def zaak_for_employee(employee: Employee, zaak_uuid: UUID) -> Zaak:
    """One zaak loaded exactly as the citizen's page loads it (same steps, same wording),
    or 404 when the policy gives this employee no view of it."""
    # The MijnZaken selector is typed for citizens, but builds on zaken_scope, which
    # dispatches on the principal: the employee's purpose binding applies.
    return zaak_for_detail(employee, zaak_uuid)  # type: ignore[arg-type]


def zaken_of_party(employee: Employee, party: Party) -> QuerySet[Zaak]:
    """The zaken of ``party`` (``registrations.zaken.parties``) that the employee may see."""
    return (
        zaken_scope(employee)
        .filter(pk__in=zaak_ids_of(party))
        .select_related("zaaktype", "status__statustype")
        .only(*WORKLIST_FIELDS)
        .order_by("-laatste_activiteit", "-pk")
    )


def party_of_zaak(zaak_identificatie: str) -> Party | None:
    """The first party of the zaak with this zaaknummer (whatever its zaaktype: the caller
    only learns which person to open, and the klantbeeld applies the policy per zaak)."""
    return party_of_zaaknummer(zaak_identificatie)


def initiators(zaak: Zaak) -> list[Party]:
    """The people or businesses a zaak is about (for the verwerkingenlogging)."""
    return parties_of_zaak(zaak)


def party_for_digitaal_adres(adres: str) -> Party | None:
    """Find a party by e-mail address or phone number (Klantinteracties digitale adressen)."""
    found = (
        DigitaalAdres.objects.filter(adres__iexact=adres.strip(), partij__isnull=False)
        .select_related("partij")
        .prefetch_related("partij__identificatoren")
        .first()
    )
    return party_of(found.partij) if found is not None and found.partij is not None else None


TIMELINE_PAGE_SIZE = 25


def contact_timeline(party: Party, *, number: int = 1) -> Page[Klantcontact]:
    """One page of the klantcontacten with this party, newest first (a fixed number of
    queries whatever the length of the history)."""
    rows = list(klantcontacten_for(party)[window(number, TIMELINE_PAGE_SIZE)])
    return page_of(rows, number=number, size=TIMELINE_PAGE_SIZE)


def zaak_or_404(queryset: QuerySet[Zaak], zaak_uuid: UUID) -> Zaak:
    zaak = queryset.filter(uuid=zaak_uuid).first()
    if zaak is None:
        raise Http404
    return zaak


def zaak_url(zaak: Zaak) -> str:
    """The zaak's URL in the Zaken API (how Klantinteracties refers to it)."""
    return object_url("zaak", zaak.uuid)


def employee_documents(
    employee: Employee, zaak: Zaak, detail: employees.Detail
) -> list[EnkelvoudigInformatieObject] | list[ProjectedDocument]:
    """The zaak's documents the employee may see at ``detail`` (one query); for an external
    zaak their projected metadata (the bytes stay at the source)."""
    if zaak.bron_url:
        projected = ProjectedDocument.objects.filter(has_content=True)
        return list(
            employees.employee_external_documents_scope(employee, zaak, projected, detail)
            .select_related("source")
            .order_by("-datum", "-pk")
        )
    queryset = EnkelvoudigInformatieObject.objects.select_related("huidige_versie")
    return list(
        employees.employee_documents_scope(employee, zaak, queryset, detail).order_by(
            "-huidige_versie__begin_registratie", "-pk"
        )
    )


def open_questions_on(zaak: Zaak) -> list[Klantcontact]:
    """The initiators' portal questions about this zaak that have no answer yet."""
    key = str(zaak.uuid)
    found: list[Klantcontact] = []
    for party in initiators(zaak):
        for vraag in open_questions_for(party):
            urls = [o.object_id for o in vraag.onderwerpobjecten.all()]
            if any(url.rstrip("/").endswith(key) for url in urls):
                found.append(vraag)
    return found


def employee_external_document(
    employee: Employee, zaak: Zaak, detail: employees.Detail, document_uuid: UUID
) -> ProjectedDocument:
    """One document of an external zaak the employee may see; or 404."""
    queryset = ProjectedDocument.objects.select_related("source").filter(
        uuid=document_uuid, has_content=True
    )
    document = employees.employee_external_documents_scope(employee, zaak, queryset, detail)
    found = document.first()
    if found is None:
        raise Http404
    return found


def employee_document(
    employee: Employee, zaak: Zaak, detail: employees.Detail, document_uuid: UUID
) -> EnkelvoudigInformatieObject:
    """One document of the zaak the employee may see, with content; or 404."""
    queryset = EnkelvoudigInformatieObject.objects.select_related("huidige_versie").filter(
        uuid=document_uuid
    )
    document = employees.employee_documents_scope(employee, zaak, queryset, detail).first()
    if document is None or document.huidige_versie is None or not document.huidige_versie.inhoud:
        raise Http404
    return document


# --- Choices on the behandelaar's forms ----------------------------------------------------
def informatieobjecttypen(zaak: Zaak) -> QuerySet[InformatieObjectType]:
    """The published informatieobjecttypen the zaaktype names (its zaaktype-
    informatieobjecttypen and its portal upload type), in its catalogus."""
    zaaktype = zaak.zaaktype
    names = Q(
        omschrijving__in=zaaktype.zaaktype_informatieobjecttypen.values("informatieobjecttype")
    )
    if zaaktype.portaal_upload_informatieobjecttype:
        names |= Q(omschrijving=zaaktype.portaal_upload_informatieobjecttype)
    return InformatieObjectType.objects.filter(
        names, catalogus_id=zaaktype.catalogus_id, concept=False
    ).order_by("omschrijving")


def besluittypen(zaak: Zaak) -> QuerySet[BesluitType]:
    return BesluitType.objects.filter(
        catalogus_id=zaak.zaaktype.catalogus_id,
        concept=False,
        omschrijving__in=list(zaak.zaaktype.besluittypen or []),
    ).order_by("omschrijving")


def document_content(versie: InformatieObjectVersie) -> IO[bytes]:
    """The stored content of a document version (from ``employee_document``), to stream."""
    return open_content(versie.inhoud)
