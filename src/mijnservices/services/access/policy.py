"""The one place that decides who may see which zaken.

Every read path (portal list, detail, download; later the APIs' list, detail, ``_zoek``
and ``expand``; employee screens) builds its queryset with :func:`zaken_scope` or asks
:func:`may_view_zaak`. Nothing else filters zaken for access.

API clients (:class:`~mijnservices.services.access.principals.ApiClient`) are asked
:func:`has_scope` per operation; the ZGW views only say which scopes an operation needs.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet

from mijnservices.registrations.catalogi.models import RolOmschrijving, Vertrouwelijkheid
from mijnservices.registrations.zaken.models import Rol, Zaak
from mijnservices.services.access.principals import ApiClient, Citizen, Party

# Roles that make a zaak "theirs" for a citizen or business.
CITIZEN_ROLES = (RolOmschrijving.INITIATOR, RolOmschrijving.MEDE_INITIATOR)


def _allowed_levels(maximum: str) -> list[str]:
    limit = Vertrouwelijkheid.rank(maximum)
    return [v for v in Vertrouwelijkheid.values if Vertrouwelijkheid.rank(v) <= limit]


def _party_roles(party: Party) -> Q:
    if party.kind == "bsn":
        match = Q(inp_bsn=party.identifier, betrokkene_type="natuurlijk_persoon")
    else:
        match = Q(kvk_nummer=party.identifier) & Q(
            betrokkene_type__in=["niet_natuurlijk_persoon", "vestiging"]
        )
        if party.vestiging:
            match &= Q(vestigingsnummer__in=[party.vestiging, ""])
    return match & Q(omschrijving_generiek__in=CITIZEN_ROLES)


def zaken_scope(principal: Citizen, queryset: QuerySet[Zaak] | None = None) -> QuerySet[Zaak]:
    """The zaken ``principal`` may see. A correlated EXISTS keeps it one query."""
    base = queryset if queryset is not None else Zaak.objects.all()
    party_rol = Rol.objects.filter(_party_roles(principal.party), zaak=OuterRef("pk"))
    maximum = settings.CITIZEN_MAX_VERTROUWELIJKHEID
    return base.filter(
        Exists(party_rol),
        vertrouwelijkheidaanduiding__in=_allowed_levels(maximum),
        zaaktype__concept=False,
    )


def may_view_zaak(principal: Citizen, zaak: Zaak) -> bool:
    return zaken_scope(principal, Zaak.objects.filter(pk=zaak.pk)).exists()


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
