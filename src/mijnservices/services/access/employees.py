"""Purpose binding for employees (doelbinding): which zaken at which level of detail.

- A behandelaar sees full detail of the zaken of their own zaaktypen, nothing else.
- A KCC employee sees status-level information of zaken whose zaaktype is released for the
  KCC (``kcc.ZaaktypeSetting``), up to ``KCC_MAX_VERTROUWELIJKHEID``; documents only when
  the zaaktype is not social domain.
- An auditor and a functioneel beheerder see no zaken (the auditor reads the
  verwerkingenlogging; the beheerder the configuration).

``policy.zaken_scope`` and ``policy.may_view_zaak`` dispatch here for an ``Employee``.
"""

from __future__ import annotations

from enum import IntEnum

from django.conf import settings
from django.db.models import Q, QuerySet

from mijnservices.kcc.models import ZaaktypeSetting
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.principals import Employee


class Detail(IntEnum):
    NONE = 0
    STATUS = 1  # steps, dates, the citizen-facing wording; no documents
    DOCUMENTS = 2  # status plus the documents the citizen can see
    FULL = 3  # everything the zaak holds, and changing it


def _levels(maximum: str) -> list[str]:
    limit = Vertrouwelijkheid.rank(maximum)
    return [v for v in Vertrouwelijkheid.values if Vertrouwelijkheid.rank(v) <= limit]


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
        vertrouwelijkheidaanduiding__in=_levels(settings.KCC_MAX_VERTROUWELIJKHEID),
    )


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
    setting = ZaaktypeSetting.objects.filter(zaaktype_identificatie=identificatie).first()
    allowed = zaak.vertrouwelijkheidaanduiding in _levels(settings.KCC_MAX_VERTROUWELIJKHEID)
    if setting is None or not setting.released_for_kcc or not allowed:
        return Detail.NONE
    return Detail.STATUS if setting.social_domain else Detail.DOCUMENTS


def may_search_persons(employee: Employee) -> bool:
    """Finding a person or business and opening their klantbeeld."""
    return employee.has_role("kcc") or employee.has_role("behandelaar")


def may_read_verwerkingen(employee: Employee) -> bool:
    return employee.has_role("auditor")
