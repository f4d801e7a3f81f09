"""Writes for the Zaken registration: keyword-only ``<noun>_<verb>`` functions that check
the zrc rules, change the data and record an outbox event in one transaction."""

from mijnservices.registrations.zaken.services.audit import audittrail_record
from mijnservices.registrations.zaken.services.contacts import (
    klantcontact_create,
    zaakcontactmoment_create,
    zaakcontactmoment_delete,
    zaakeigenschap_delete,
    zaakeigenschap_update,
    zaaknotitie_create,
    zaaknotitie_delete,
    zaaknotitie_update,
    zaaknummer_reserveren,
    zaakverzoek_create,
    zaakverzoek_delete,
)
from mijnservices.registrations.zaken.services.core import (
    identificatie_generate,
    resultaat_create,
    resultaat_delete,
    resultaat_set,
    resultaat_update,
    status_set,
    substatus_create,
    zaak_create,
    zaak_delete,
    zaak_update,
)
from mijnservices.registrations.zaken.services.related import (
    zaakeigenschap_create,
    zaakinformatieobject_create,
    zaakinformatieobject_delete,
    zaakinformatieobject_update,
    zaakobject_create,
    zaakobject_delete,
    zaakobject_update,
)
from mijnservices.registrations.zaken.services.rollen import rol_create, rol_delete

__all__ = [
    "audittrail_record",
    "identificatie_generate",
    "klantcontact_create",
    "resultaat_create",
    "resultaat_delete",
    "resultaat_set",
    "resultaat_update",
    "rol_create",
    "rol_delete",
    "status_set",
    "substatus_create",
    "zaak_create",
    "zaak_delete",
    "zaak_update",
    "zaakcontactmoment_create",
    "zaakcontactmoment_delete",
    "zaakeigenschap_create",
    "zaakeigenschap_delete",
    "zaakeigenschap_update",
    "zaakinformatieobject_create",
    "zaakinformatieobject_delete",
    "zaakinformatieobject_update",
    "zaaknotitie_create",
    "zaaknotitie_delete",
    "zaaknotitie_update",
    "zaaknummer_reserveren",
    "zaakobject_create",
    "zaakobject_delete",
    "zaakobject_update",
    "zaakverzoek_create",
    "zaakverzoek_delete",
]
