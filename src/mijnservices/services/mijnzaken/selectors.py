"""Reads for MijnZaken. Every queryset starts from the access policy."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Model, QuerySet
from django.http import Http404

from mijnservices.core.identity import Citizen
from mijnservices.core.query_shapes import QueryShape
from mijnservices.integration.zgw.models import ProjectedZaak
from mijnservices.registrations.catalogi.models import RolOmschrijving
from mijnservices.registrations.zaken.models import Resultaat, Rol, Status, SubStatus, Zaak
from mijnservices.services.access.policy import (
    citizen_may_see_content,
    citizen_scope_shape,
    citizen_zaken_scope,
    zaken_scope,
)
from mijnservices.services.presentation.selectors import (
    presentation_apply,
    statustypen_presented,
)


class LoginLevelTooLow(Exception):
    """The zaak exists and is the citizen's, but its zaaktype asks a higher login level: the
    page says so and offers to log in again, showing nothing of the zaak's content."""

    def __init__(self, zaak: Zaak) -> None:
        super().__init__(str(zaak.uuid))
        self.zaak = zaak


def _checked(principal: Citizen, zaak: Zaak) -> Zaak:
    """The zaak with its portal presentation applied; refused below the required level."""
    presentation_apply([zaak.zaaktype])
    if isinstance(principal, Citizen) and not citizen_may_see_content(principal, zaak):
        raise LoginLevelTooLow(zaak)
    return zaak


OVERVIEW_FIELDS = (
    "uuid",
    "identificatie",
    "omschrijving",
    "registratiedatum",
    "startdatum",
    "einddatum",
    "einddatum_gepland",
    "uiterlijke_einddatum_afdoening",
    "laatste_activiteit",
    "zaaktype__identificatie",
    "zaaktype__omschrijving",
    "zaaktype__publieke_omschrijving",
    "zaaktype__publieke_omschrijving_en",
    "status__datum_status_gezet",
    "status__statustype__omschrijving",
    "status__statustype__volgnummer",
    # Whether a row is an external zaak (the page then says when its source is failing).
    "bron_url",
)


def zaken_for_overview(principal: Citizen) -> QuerySet[Zaak]:
    """The principal's zaken, newest activity first, with what a list row shows."""
    return (
        zaken_scope(principal)
        .select_related("zaaktype", "status__statustype")
        # A list row needs a dozen of the zaak's ~50 columns (several JSON) and of its types'.
        .only(*OVERVIEW_FIELDS)
        .order_by("-laatste_activiteit", "-pk")
    )


# What an overview row shows, read as values (no model instances; decision 0040).
OVERVIEW_VALUES = (
    "pk",
    "uuid",
    "identificatie",
    "omschrijving",
    "registratiedatum",
    "einddatum",
    "einddatum_gepland",
    "uiterlijke_einddatum_afdoening",
    "zaaktype__identificatie",
    "zaaktype__omschrijving",
    "zaaktype__publieke_omschrijving",
    "zaaktype__publieke_omschrijving_en",
    "status__statustype__omschrijving",
    "bron_url",
)


def zaken_for_overview_values(
    principal: Citizen, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """:func:`zaken_for_overview` as rows of :data:`OVERVIEW_VALUES` (one query)."""
    return list(zaken_for_overview(principal).values(*OVERVIEW_VALUES)[:limit])


def _prefetched(instance: Model, name: str, objects: list[Any]) -> None:
    """Hand ``objects`` to ``instance.<name>.all()`` as if prefetched: the rows were read
    with a plain query (or come from the per-process cache), without the prefetch machinery
    that cost more CPU than the queries themselves (decision 0040)."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    cache = getattr(instance, "_prefetched_objects_cache", None)
    if cache is None:
        cache = instance._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    cache[name] = queryset


# The zaak page's queries, compiled once per process and shape (decision 0047): the zaak
# through the access policy's citizen scope, its statussen, sub-statussen, resultaat and
# behandelaars.
_ZAAK_RELATED = ("zaaktype", "status__statustype")
_ZAAK = QueryShape(
    "zaak_detail",
    # Two joins, not six: planning the join of zaak, types, resultaat and projection cost
    # PostgreSQL more than running it; those two are read below only when there can be one.
    lambda shape, *values: (
        citizen_zaken_scope(shape, *values[:-1])
        .select_related(*_ZAAK_RELATED)
        .filter(uuid=values[-1])
    ),
)
_STATUSSEN = QueryShape(
    "zaak_detail_statussen",
    # What the steps read of a visit (tracking.build_tracking).
    lambda _key, zaak_id: (
        Status.objects.filter(zaak_id=zaak_id)
        .only("zaak", "statustype", "datum_status_gezet", "statustoelichting")
        .order_by("datum_status_gezet")
    ),
)
_SUBSTATUSSEN = QueryShape(
    "zaak_detail_substatussen",
    lambda _key, zaak_id: SubStatus.objects.filter(
        zaak_id=zaak_id, doelgroep="betrokkenen"
    ).order_by("tijdstip"),
)
_RESULTAAT = QueryShape(
    "zaak_detail_resultaat",
    lambda _key, zaak_id: Resultaat.objects.select_related("resultaattype").filter(zaak_id=zaak_id),
)
_BEHANDELAARS = QueryShape(
    "zaak_detail_behandelaars",
    lambda _key, zaak_id: Rol.objects.filter(
        zaak_id=zaak_id, omschrijving_generiek=RolOmschrijving.BEHANDELAAR
    ).values("naam"),
)


def zaak_for_detail(principal: Citizen, zaak_uuid: UUID) -> Zaak:
    """One zaak with its steps, statuses and citizen-visible sub-statuses, or 404.

    Three queries (four for a closed or external zaak): the zaak with its types, its
    statussen and its sub-statussen (the result, the projection); the zaaktype's statustypen
    and presentation come from the per-process cache
    (``presentation.selectors.statustypen_presented``). The queries' SQL is compiled once
    per process (decision 0047); the zaak's is the access policy's citizen scope."""
    if isinstance(principal, Citizen):
        shape, values = citizen_scope_shape(principal)
        found = _ZAAK.instances(shape, *values, zaak_uuid)
    else:  # an employee's view of the same page (casework.zaak_for_employee)
        scope = zaken_scope(principal).select_related(*_ZAAK_RELATED)
        found = list(scope.filter(uuid=zaak_uuid))
    if not found:
        # Same answer for "does not exist" and "not yours": nothing leaks.
        raise Http404
    zaak = found[0]
    _checked(principal, zaak)  # the zaaktype's presentation first: the steps carry theirs
    # projectie: when an external zaak (only those have a bron_url) was last read, and
    # whether its source is failing now. None is remembered: no query on access.
    projectie = None
    if zaak.bron_url:
        projectie = ProjectedZaak.objects.select_related("source").filter(zaak_id=zaak.pk).first()
    Zaak.projectie.related.set_cached_value(zaak, projectie)
    if zaak.einddatum is not None:  # the outcome shows on a closed zaak; else read on access
        resultaat = _RESULTAAT.instances(None, zaak.pk)
        Zaak.resultaat.related.set_cached_value(zaak, resultaat[0] if resultaat else None)
    _prefetched(zaak.zaaktype, "statustypen", list(statustypen_presented(zaak.zaaktype)))
    _prefetched(zaak, "statussen", _STATUSSEN.instances(None, zaak.pk))
    _prefetched(zaak, "substatussen", _SUBSTATUSSEN.instances(None, zaak.pk))
    return zaak


def behandelaar_names(zaak: Zaak) -> list[str]:
    """The names of the zaak's behandelaars, for a zaaktype that shows them (one query).
    Only the name is shown, never an identifying number."""
    return [row["naam"] for row in _BEHANDELAARS.rows(None, zaak.pk) if row["naam"]]


def zaak_for_citizen(principal: Citizen, zaak_uuid: UUID) -> Zaak:
    """One of the principal's zaken with its zaaktype (for downloads and checks), or 404."""
    zaak = zaken_scope(principal).select_related("zaaktype").filter(uuid=zaak_uuid).first()
    if zaak is None:
        raise Http404
    return _checked(principal, zaak)
