"""Purpose binding for employees (doelbinding): which zaken at which level of detail.

- A behandelaar sees full detail of the zaken of their own zaaktypen, nothing else.
- A KCC employee sees status-level information of zaken whose zaaktype is released for the
  KCC (``access.ZaaktypeSetting``), up to ``KCC_MAX_VERTROUWELIJKHEID``; documents only when
  the zaaktype is not social domain.
- An auditor and a functioneel beheerder see no zaken (the auditor reads the
  verwerkingenlogging; the beheerder the configuration).
- A manager sees no zaken either: only the KPI figures (``may_see_kpis``), like the beheerder.

``policy.zaken_scope`` and ``policy.may_view_zaak`` dispatch here for an ``Employee``.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TypeVar

from django.conf import settings
from django.db.models import Model, Q, QuerySet

from mijnservices.core.identity import Employee
from mijnservices.registrations.documenten.services.relations import object_url
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.models import ZaaktypeSetting
from mijnservices.services.access.policy import CITIZEN_DOCUMENT_STATUSES, allowed_levels

M = TypeVar("M", bound=Model)


class Detail(IntEnum):
    NONE = 0
    STATUS = 1  # steps, dates, the citizen-facing wording; no documents
    DOCUMENTS = 2  # status plus the documents the citizen can see
    FULL = 3  # everything the zaak holds, and changing it


def _behandel_q(employee: Employee) -> Q:
    if not employee.has_role("behandelaar") or not employee.behandel_zaaktypen:
        return Q(pk__in=[])
    return Q(zaaktype__identificatie__in=sorted(employee.behandel_zaaktypen))


def _kcc_q(employee: Employee) -> Q:
    if not employee.has_role("kcc"):
        return Q(pk__in=[])
    released = ZaaktypeSetting.objects.filter(released_for_kcc=True).values(
        "zaaktype_identificatie"
    )
    return Q(
        zaaktype__identificatie__in=released,
        vertrouwelijkheidaanduiding__in=allowed_levels(settings.KCC_MAX_VERTROUWELIJKHEID),
    )


def zaaktype_setting(identificatie: str) -> ZaaktypeSetting | None:
    """How employees outside the case team may see zaken of this zaaktype (none: not at all)."""
    return ZaaktypeSetting.objects.filter(zaaktype_identificatie=identificatie).first()


def employee_zaken_scope(employee: Employee, queryset: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """The zaken the employee may see at any level, as one query."""
    return queryset.filter(_behandel_q(employee) | _kcc_q(employee), zaaktype__concept=False)


def handled_zaken(employee: Employee, queryset: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """The zaken the employee handles (full detail): their work list."""
    return queryset.filter(_behandel_q(employee), zaaktype__concept=False)


def zaak_detail(employee: Employee, zaak: Zaak) -> Detail:
    """The level of detail at which ``employee`` may see ``zaak``."""
    identificatie = zaak.zaaktype.identificatie
    if employee.has_role("behandelaar") and identificatie in employee.behandel_zaaktypen:
        return Detail.FULL
    if not employee.has_role("kcc"):
        return Detail.NONE
    setting = zaaktype_setting(identificatie)
    allowed = zaak.vertrouwelijkheidaanduiding in allowed_levels(settings.KCC_MAX_VERTROUWELIJKHEID)
    if setting is None or not setting.released_for_kcc or not allowed:
        return Detail.NONE
    return Detail.STATUS if setting.social_domain else Detail.DOCUMENTS


def may_search_persons(employee: Employee) -> bool:
    """Finding a person or business and opening their klantbeeld."""
    return employee.has_role("kcc") or employee.has_role("behandelaar")


def may_read_verwerkingen(employee: Employee) -> bool:
    return employee.has_role("auditor")


def may_see_kpis(employee: Employee) -> bool:
    """The KPI dashboard, the 0-meting and the business case: counts per zaaktype, no
    zaken and no people (decision 0031)."""
    return employee.has_role("beheerder") or employee.has_role("manager")


def may_manage_portal(employee: Employee) -> bool:
    """The beheer screens (/medewerker/beheer/): the portal presentation of zaaktypen,
    branding and help routes, catalogue import and export (decision 0036)."""
    return employee.has_role("beheerder")


def referral_zaaktypen(employee: Employee) -> frozenset[str]:
    """The zaaktypen whose referred questions (internetaken) the employee handles."""
    if not employee.has_role("behandelaar"):
        return frozenset()
    return employee.behandel_zaaktypen


def may_see_party_details(employee: Employee) -> bool:
    """Tasks, messages, notifications and contact preferences in the klantbeeld: what the
    citizen sees of their own contacts with the municipality (KCC and behandelaars)."""
    return may_search_persons(employee)


def employee_documents_scope(
    employee: Employee, zaak: Zaak, queryset: QuerySet[M], detail: Detail
) -> QuerySet[M]:
    """Documents of ``zaak`` (loaded through the policy, at ``detail``) the employee may see.

    - FULL (the zaak's behandelaar): every document of the zaak;
    - DOCUMENTS (KCC, not social domain): what the citizen sees, and no document above
      ``KCC_MAX_VERTROUWELIJKHEID``;
    - STATUS / NONE: none.
    """
    owned = queryset.filter(objecten__object=object_url("zaak", zaak.uuid))
    if detail == Detail.FULL:
        return owned.distinct()
    if detail != Detail.DOCUMENTS:
        return queryset.none()
    return owned.filter(
        huidige_versie__status__in=CITIZEN_DOCUMENT_STATUSES,
        huidige_versie__vertrouwelijkheidaanduiding__in=sorted(
            set(allowed_levels(settings.KCC_MAX_VERTROUWELIJKHEID))
            & set(allowed_levels(settings.CITIZEN_MAX_VERTROUWELIJKHEID))
        ),
    ).distinct()


def employee_external_documents_scope(
    employee: Employee, zaak: Zaak, queryset: QuerySet[M], detail: Detail
) -> QuerySet[M]:
    """Documents of an external zaak (projected metadata, ``integration.zgw``) the employee
    may see at ``detail``: the rule of :func:`employee_documents_scope`."""
    owned = queryset.filter(zaak=zaak)
    if detail == Detail.FULL:
        return owned
    if detail != Detail.DOCUMENTS:
        return queryset.none()
    return owned.filter(
        status__in=CITIZEN_DOCUMENT_STATUSES,
        vertrouwelijkheidaanduiding__in=sorted(
            set(allowed_levels(settings.KCC_MAX_VERTROUWELIJKHEID))
            & set(allowed_levels(settings.CITIZEN_MAX_VERTROUWELIJKHEID))
        ),
    )
