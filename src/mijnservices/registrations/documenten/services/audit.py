"""The audit trail of Documenten API writes, written in the write's transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.resources import resource_path
from mijnservices.registrations.documenten.models import AuditTrail, EnkelvoudigInformatieObject
from mijnservices.registrations.zaken.services.audit import ACTIE_WEERGAVE


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
        actie=actie,
        actie_weergave=ACTIE_WEERGAVE.get(actie, actie),
        resultaat=resultaat,
        hoofd_object=resource_path(
            "documenten", "enkelvoudiginformatieobjecten", informatieobject.uuid
        ),
        resource=resource,
        resource_url=resource_url,
        resource_weergave=resource_weergave[:200],
        applicatie_id=applicatie_id,
        applicatie_weergave=applicatie_weergave,
        toelichting=toelichting,
        aanmaakdatum=timezone.now(),
        oud=oud,
        nieuw=nieuw,
    )
