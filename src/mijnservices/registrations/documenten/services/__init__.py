"""Writes for the Documenten registration: keyword-only ``<noun>_<verb>`` functions that
check the drc rules, change the data and record an outbox event (kanaal ``documenten``) in
one transaction."""

from mijnservices.registrations.documenten.services.audit import audittrail_record
from mijnservices.registrations.documenten.services.documents import (
    informatieobject_create,
    informatieobject_delete,
    informatieobject_lock,
    informatieobject_unlock,
    informatieobject_update,
)
from mijnservices.registrations.documenten.services.parts import bestandsdeel_upload
from mijnservices.registrations.documenten.services.relations import (
    document_for_url,
    gebruiksrechten_create,
    gebruiksrechten_delete,
    gebruiksrechten_update,
    objectinformatieobject_create,
    objectinformatieobject_delete,
    objectinformatieobject_mirror,
    objectinformatieobject_unmirror,
)
from mijnservices.registrations.documenten.services.verzendingen import (
    verzending_create,
    verzending_delete,
    verzending_update,
)

__all__ = [
    "audittrail_record",
    "bestandsdeel_upload",
    "document_for_url",
    "gebruiksrechten_create",
    "gebruiksrechten_delete",
    "gebruiksrechten_update",
    "informatieobject_create",
    "informatieobject_delete",
    "informatieobject_lock",
    "informatieobject_unlock",
    "informatieobject_update",
    "objectinformatieobject_create",
    "objectinformatieobject_delete",
    "objectinformatieobject_mirror",
    "objectinformatieobject_unmirror",
    "verzending_create",
    "verzending_delete",
    "verzending_update",
]
