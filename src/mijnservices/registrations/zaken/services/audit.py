"""The audit trail of API writes (ZGW ``audittrail``), written in the write's transaction:
one INSERT, atomic by itself, so no savepoint of its own (decision 0045)."""

from __future__ import annotations

from typing import Any

from mijnservices.api.audit import audit_fields
from mijnservices.core.resources import resource_path
from mijnservices.registrations.zaken.models import AuditTrail, Zaak


def audittrail_record(
    *,
    zaak: Zaak,
    actie: str,
    resultaat: int,
    resource: str,
    resource_url: str,
    resource_weergave: str,
    applicatie_id: str = "",
    applicatie_weergave: str = "",
    toelichting: str = "",
    oud: dict[str, Any] | None = None,
    nieuw: dict[str, Any] | None = None,
) -> AuditTrail:
    return AuditTrail.objects.create(
        zaak=zaak,
        **audit_fields(
            actie=actie,
            resultaat=resultaat,
            hoofd_object=resource_path("zaken", "zaken", zaak.uuid),
            resource=resource,
            resource_url=resource_url,
            resource_weergave=resource_weergave,
            applicatie_id=applicatie_id,
            applicatie_weergave=applicatie_weergave,
            toelichting=toelichting,
            oud=oud,
            nieuw=nieuw,
        ),
    )
