"""The one place that decides who may see which zaken.

Every read path (portal list, detail, download; the Zaken API's list, detail, ``_zoek``,
``expand`` and nested resources; employee screens) builds its queryset with
:func:`zaken_scope` (or :func:`related_scope` for objects that belong to a zaak) or asks
:func:`may_view_zaak`. Nothing else filters zaken for access.

API clients (:class:`~mijnservices.core.identity.ApiClient`) are asked
:func:`has_scope` per operation; the ZGW views only say which scopes an operation needs.
Which zaken a client reads or changes is decided per zaaktype (ZGW Autorisaties: scopes
and a maximum vertrouwelijkheidaanduiding per zaaktype, zrc-006).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlparse
from uuid import UUID

from django.conf import settings
from django.db.models import Model, Q, QuerySet, Subquery

from mijnservices.core.identity import ApiClient, Citizen, Employee, Party, PartyKind
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.documenten.services.relations import object_url
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.parties import zaak_ids_of
from mijnservices.services.presentation.selectors import level_sufficient, shown_in_portal_q


def allowed_levels(maximum: str) -> list[str]:
    """The vertrouwelijkheidaanduidingen up to and including ``maximum``."""
    limit = Vertrouwelijkheid.rank(maximum)
    return [v for v in Vertrouwelijkheid.values if Vertrouwelijkheid.rank(v) <= limit]


ZRC = "zrc"
READ_ZAKEN = "zaken.lezen"
M = TypeVar("M", bound=Model)


def _type_uuid(type_url: str) -> UUID | None:
    """The uuid at the end of a zaaktype URL (Autorisaties store URLs, as the standard does)."""
    try:
        return UUID(urlparse(type_url).path.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


# --- API clients: grants per zaaktype (zrc), informatieobjecttype (drc), besluittype (brc)
DRC = "drc"
BRC = "brc"
READ_DOCUMENTEN = "documenten.lezen"
READ_BESLUITEN = "besluiten.lezen"


def _typed_grants(
    principal: ApiClient,
    component: str,
    scopes: tuple[str, ...],
    *,
    type_field: str,
    vertrouwelijkheid_field: str | None,
) -> Q | None:
    """``Q`` over objects whose type (``type_field`` = the type's uuid) is granted with one of
    ``scopes`` on ``component`` (and, if given, vertrouwelijkheid up to the grant's maximum).
    ``None`` means everything (heeftAlleAutorisaties)."""
    if principal.heeft_alle_autorisaties:
        return None
    grants = Q(pk__in=[])
    for entry in principal.type_scopes:
        type_uuid = _type_uuid(entry.type_url)
        if entry.component != component or not (entry.scopes & set(scopes)) or type_uuid is None:
            continue
        grant = Q(**{type_field: type_uuid})
        if vertrouwelijkheid_field is not None:
            grant &= Q(
                **{f"{vertrouwelijkheid_field}__in": allowed_levels(entry.max_vertrouwelijkheid)}
            )
        grants |= grant
    return grants


def _granted(
    principal: ApiClient,
    component: str,
    scopes: tuple[str, ...],
    type_uuid: UUID,
    vertrouwelijkheidaanduiding: str | None,
) -> bool:
    """One object (or one about to be created): the single-object twin of ``_typed_grants``."""
    if principal.heeft_alle_autorisaties:
        return True
    rank = (
        None
        if vertrouwelijkheidaanduiding is None
        else Vertrouwelijkheid.rank(vertrouwelijkheidaanduiding)
    )
    return any(
        entry.component == component
        and entry.scopes & set(scopes)
        and _type_uuid(entry.type_url) == type_uuid
        and (rank is None or rank <= Vertrouwelijkheid.rank(entry.max_vertrouwelijkheid))
        for entry in principal.type_scopes
    )


def zaken_scope(
    principal: Citizen | ApiClient | Employee, queryset: QuerySet[Zaak] | None = None
) -> QuerySet[Zaak]:
    """The zaken ``principal`` may see, as one query.

    A citizen sees zaken where they (or whom they represent) are initiator; an API client
    the zaken of the zaaktypen it holds ``zaken.lezen`` for, up to each grant's maximum
    vertrouwelijkheidaanduiding.
    """
    base = queryset if queryset is not None else Zaak.objects.all()
    if isinstance(principal, ApiClient):
        return zaken_scope_for(principal, READ_ZAKEN, queryset=base)
    if isinstance(principal, Employee):
        # Imported here: employees reads kcc models, which may load after this module.
        from mijnservices.services.access import employees

        return employees.employee_zaken_scope(principal, base)
    shape, values = citizen_scope_shape(principal)
    return citizen_zaken_scope(shape, *values, queryset=base)


@dataclass(frozen=True)
class CitizenScope:
    """Everything a citizen's :func:`zaken_scope` depends on besides the party's identifier
    (and vestiging): the shape of its SQL. Pages that compile that SQL once per process
    (``core.query_shapes``, decision 0047) use it as their key."""

    kind: PartyKind
    vestiging: bool
    # A machtiging for some services covers only those zaaktypen of the represented party.
    mandate_zaaktypen: tuple[str, ...]
    maximum: str


def citizen_scope_shape(principal: Citizen) -> tuple[CitizenScope, tuple[str, ...]]:
    """A citizen's scope as (shape, values): ``citizen_zaken_scope(shape, *values)`` is
    ``zaken_scope(principal)``."""
    party = principal.party
    shape = CitizenScope(
        kind=party.kind,
        vestiging=bool(party.vestiging),
        mandate_zaaktypen=principal.mandate_zaaktypen if principal.acts_on_behalf else (),
        maximum=settings.CITIZEN_MAX_VERTROUWELIJKHEID,
    )
    values = (party.identifier, party.vestiging) if party.vestiging else (party.identifier,)
    return shape, values


def citizen_zaken_scope(
    shape: CitizenScope,
    identifier: str,
    vestiging: str = "",
    *,
    queryset: QuerySet[Zaak] | None = None,
) -> QuerySet[Zaak]:
    """The zaken of the party ``identifier`` (and ``vestiging``) within ``shape``: the
    citizen's branch of :func:`zaken_scope`, the one place it is written."""
    base = queryset if queryset is not None else Zaak.objects.all()
    if shape.mandate_zaaktypen:
        base = base.filter(zaaktype__identificatie__in=shape.mandate_zaaktypen)
    party = Party(kind=shape.kind, identifier=identifier, vestiging=vestiging)
    return base.filter(
        shown_in_portal_q(),  # a zaaktype the beheerder switched off is not in the portal
        pk__in=Subquery(zaak_ids_of(party)),
        vertrouwelijkheidaanduiding__in=allowed_levels(shape.maximum),
        zaaktype__concept=False,
    )


def zaken_scope_for(
    principal: ApiClient, *scopes: str, queryset: QuerySet[Zaak] | None = None
) -> QuerySet[Zaak]:
    """The zaken an API client holds any of ``scopes`` for (per zaaktype). Never projections
    of an external source's zaken: our APIs do not serve or change them (decision 0029)."""
    base = (queryset if queryset is not None else Zaak.objects.all()).filter(bron_url="")
    grants = _typed_grants(
        principal,
        ZRC,
        scopes,
        type_field="zaaktype__uuid",
        vertrouwelijkheid_field="vertrouwelijkheidaanduiding",
    )
    return base if grants is None else base.filter(grants)


def related_scope(
    principal: Citizen | ApiClient | Employee, queryset: QuerySet[M], *, via: str = "zaak"
) -> QuerySet[M]:
    """Objects that belong to a zaak (statussen, rollen, ...) visible through their zaak."""
    if isinstance(principal, ApiClient) and principal.heeft_alle_autorisaties:
        return queryset.filter(**{f"{via}__bron_url": ""})
    return queryset.filter(**{f"{via}__in": zaken_scope(principal).values("pk")})


def may_view_zaak(principal: Citizen | ApiClient | Employee, zaak: Zaak) -> bool:
    return zaken_scope(principal, Zaak.objects.filter(pk=zaak.pk)).exists()


def may_on_zaaktype(
    principal: ApiClient, *scopes: str, zaaktype_uuid: UUID, vertrouwelijkheidaanduiding: str
) -> bool:
    """Whether the client holds one of ``scopes`` for a zaak of this zaaktype and
    vertrouwelijkheid (creating a zaak, before it exists)."""
    return _granted(principal, ZRC, scopes, zaaktype_uuid, vertrouwelijkheidaanduiding)


def may_on_zaak(principal: ApiClient, zaak: Zaak, *scopes: str) -> bool:
    """Whether the client holds one of ``scopes`` for this zaak's zaaktype (writes). A
    projection of an external zaak is changed only at its source (decision 0029)."""
    if zaak.bron_url:
        return False
    return may_on_zaaktype(
        principal,
        *scopes,
        zaaktype_uuid=zaak.zaaktype.uuid,
        vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding,
    )


class AccessDenied(Exception):
    """The principal lacks the rights for this operation (the APIs answer 403)."""


def has_scope(principal: ApiClient, component: str, *scopes: str) -> bool:
    """Whether ``principal`` holds any of ``scopes`` on ``component`` (ac, ztc, zrc, ...).

    ``heeftAlleAutorisaties`` holds every scope. For typed components (zrc, drc, brc)
    holding the scope for one type is enough to pass; which objects the client then
    sees is decided by the component's scope function (later ``zaken_scope``).
    """
    if principal.heeft_alle_autorisaties:
        return True
    return bool(principal.scopes_for(component) & set(scopes))


def require_scope(principal: ApiClient, component: str, *scopes: str) -> None:
    if not has_scope(principal, component, *scopes):
        raise AccessDenied(f"needs {' or '.join(scopes)} on {component}")


def documenten_scope(
    principal: ApiClient, queryset: QuerySet[M], *scopes: str, via: str = ""
) -> QuerySet[M]:
    """Documents (or objects reached through ``via``, e.g. ``informatieobject__``) the
    client holds one of ``scopes`` for: per informatieobjecttype, up to that grant's maximum
    vertrouwelijkheidaanduiding (ZGW Autorisaties for the drc)."""
    current = f"{via}huidige_versie__"
    grants = _typed_grants(
        principal,
        DRC,
        scopes or (READ_DOCUMENTEN,),
        type_field=f"{current}informatieobjecttype__uuid",
        vertrouwelijkheid_field=f"{current}vertrouwelijkheidaanduiding",
    )
    return queryset if grants is None else queryset.filter(grants)


def may_on_informatieobjecttype(
    principal: ApiClient,
    *scopes: str,
    informatieobjecttype_uuid: UUID,
    vertrouwelijkheidaanduiding: str,
) -> bool:
    """Whether the client holds one of ``scopes`` for a document of this type and
    vertrouwelijkheid (writes, and creating before the document exists)."""
    return _granted(principal, DRC, scopes, informatieobjecttype_uuid, vertrouwelijkheidaanduiding)


def besluiten_scope(
    principal: ApiClient, queryset: QuerySet[M], *scopes: str, via: str = ""
) -> QuerySet[M]:
    """Besluiten (or objects reached through ``via``, e.g. ``besluit__``) of the besluittypen
    the client holds one of ``scopes`` for (besluiten have no vertrouwelijkheid)."""
    grants = _typed_grants(
        principal,
        BRC,
        scopes or (READ_BESLUITEN,),
        type_field=f"{via}besluittype__uuid",
        vertrouwelijkheid_field=None,
    )
    return queryset if grants is None else queryset.filter(grants)


def may_on_besluittype(principal: ApiClient, *scopes: str, besluittype_uuid: UUID) -> bool:
    return _granted(principal, BRC, scopes, besluittype_uuid, None)


# --- Citizens: documents and besluiten of their zaken ------------------------------
# A citizen sees a document of one of their zaken (or of a besluit on it) when it is final
# (status ``definitief``) and no more confidential than CITIZEN_MAX_VERTROUWELIJKHEID, the
# same limit as for the zaak itself. Documents they added themselves are final at upload.
CITIZEN_DOCUMENT_STATUSES = ("definitief",)


def citizen_documents_scope(
    principal: Citizen,
    zaak: Zaak,
    queryset: QuerySet[M],
    *,
    besluit_uuids: Sequence[UUID] = (),
    via: str = "",
) -> QuerySet[M]:
    """Documents (or objects reached through ``via``) of ``zaak`` and of its besluiten
    (``besluit_uuids``) that the citizen may see.

    ``zaak`` must have been loaded through :func:`zaken_scope` for this principal (the
    MijnZaken selectors do); the document's own status and vertrouwelijkheid decide the rest.
    """
    owners = [object_url("zaak", zaak.uuid)]
    owners += [object_url("besluit", uuid) for uuid in besluit_uuids]
    return citizen_documents_of_owners(
        queryset, owners, maximum=settings.CITIZEN_MAX_VERTROUWELIJKHEID, via=via
    )


def citizen_documents_of_owners(
    queryset: QuerySet[M], owners: Sequence[str], *, maximum: str, via: str = ""
) -> QuerySet[M]:
    """:func:`citizen_documents_scope` for the resource URLs of a zaak and its besluiten
    (``owners``, the zaak's first) and a vertrouwelijkheid ``maximum``: the form the zaak
    page compiles once per process (decision 0047)."""
    current = f"{via}huidige_versie__"
    return queryset.filter(
        **{
            f"{via}objecten__object__in": owners,
            f"{current}status__in": CITIZEN_DOCUMENT_STATUSES,
            f"{current}vertrouwelijkheidaanduiding__in": allowed_levels(maximum),
        }
    ).distinct()


def citizen_may_see_content(principal: Citizen, zaak: Zaak) -> bool:
    """Whether the login's level suffices for what the zaak holds (the zaaktype's required
    DigiD/eHerkenning level). Below it the citizen sees only that the zaak exists."""
    return level_sufficient(principal, zaak.zaaktype)


def citizen_external_documents_scope(
    principal: Citizen, zaak: Zaak, queryset: QuerySet[M]
) -> QuerySet[M]:
    """Documents of an external zaak (projected metadata, ``integration.zgw``) the citizen
    may see: the same rule as :func:`citizen_documents_scope` (definitief, within the limit).

    ``zaak`` must have been loaded through :func:`zaken_scope` for this principal."""
    return queryset.filter(
        zaak=zaak,
        status__in=CITIZEN_DOCUMENT_STATUSES,
        vertrouwelijkheidaanduiding__in=allowed_levels(settings.CITIZEN_MAX_VERTROUWELIJKHEID),
    )


def citizen_may_see_document(*, status: str, vertrouwelijkheidaanduiding: str) -> bool:
    """The same rule for one document as a source describes it right now (before its bytes
    are streamed: its status or level may have changed since the last sync)."""
    return status in CITIZEN_DOCUMENT_STATUSES and vertrouwelijkheidaanduiding in allowed_levels(
        settings.CITIZEN_MAX_VERTROUWELIJKHEID
    )


def citizen_may_add_document(principal: Citizen, zaak: Zaak) -> bool:
    """Adding a document: only to an open zaak of a zaaktype that names an upload type.

    ``zaak`` must have been loaded through :func:`zaken_scope` for this principal (the
    MijnZaken selectors do; their 404 already refused everyone else)."""
    return zaak.einddatum is None and bool(zaak.zaaktype.portaal_upload_informatieobjecttype)


def document_visible_to_citizens(document_uuid: UUID) -> bool:
    """Whether the zaak's citizens may see this document (definitief, within their
    vertrouwelijkheid limit): the same rule as ``citizen_documents_scope``, for telling them
    about a new document."""
    from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject

    return EnkelvoudigInformatieObject.objects.filter(
        uuid=document_uuid,
        huidige_versie__status__in=CITIZEN_DOCUMENT_STATUSES,
        huidige_versie__vertrouwelijkheidaanduiding__in=allowed_levels(
            settings.CITIZEN_MAX_VERTROUWELIJKHEID
        ),
    ).exists()
