"""The audit trail of Documenten API writes, written in the write's transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mijnservices.api.audit import audit_fields
from mijnservices.core.resources import resource_path
from mijnservices.registrations.documenten.models import AuditTrail, EnkelvoudigInformatieObject


@transaction.atomic
def audittrail_record(
    *,
    informatieobject: EnkelvoudigInformatieObject,
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
        informatieobject=informatieobject,
        **audit_fields(
            actie=actie,
            resultaat=resultaat,
            hoofd_object=resource_path(
                "documenten", "enkelvoudiginformatieobjecten", informatieobject.uuid
            ),
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
