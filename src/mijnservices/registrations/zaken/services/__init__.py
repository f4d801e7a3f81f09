"""Writes for the Zaken registration: keyword-only ``<noun>_<verb>`` functions that check
the zrc rules, change the data and record an outbox event in one transaction."""

from mijnservices.registrations.zaken.services.audit import audittrail_record
from mijnservices.registrations.zaken.services.core import (
    identificatie_generate,
    resultaat_create,
    resultaat_delete,
    resultaat_set,
    resultaat_update,
    rol_create,
    rol_delete,
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

__all__ = [
    "audittrail_record",
    "identificatie_generate",
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
    "zaakeigenschap_create",
    "zaakinformatieobject_create",
    "zaakinformatieobject_delete",
    "zaakinformatieobject_update",
    "zaakobject_create",
    "zaakobject_delete",
    "zaakobject_update",
]
