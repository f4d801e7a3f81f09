"""Zaken registration (ZGW Zaken API 1.7): zaken, their statuses, roles and results.

Writes go through :mod:`..services`; reads start from the access policy.
"""

from mijnservices.registrations.zaken.models.contacts import (
    KlantContact,
    NotitieStatus,
    NotitieType,
    ZaakContactMoment,
    ZaakNotitie,
    ZaakVerzoek,
)
from mijnservices.registrations.zaken.models.core import (
    Archiefnominatie,
    Archiefstatus,
    Betalingsindicatie,
    BetrokkeneType,
    Doelgroep,
    IdentificatieCounter,
    Resultaat,
    Rol,
    Status,
    SubStatus,
    Zaak,
    ZaakQuerySet,
)
from mijnservices.registrations.zaken.models.related import (
    AuditTrail,
    ObjectType,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)

__all__ = [
    "Archiefnominatie",
    "Archiefstatus",
    "AuditTrail",
    "Betalingsindicatie",
    "BetrokkeneType",
    "Doelgroep",
    "IdentificatieCounter",
    "KlantContact",
    "NotitieStatus",
    "NotitieType",
    "ObjectType",
    "Resultaat",
    "Rol",
    "Status",
    "SubStatus",
    "Zaak",
    "ZaakContactMoment",
    "ZaakEigenschap",
    "ZaakInformatieObject",
    "ZaakNotitie",
    "ZaakObject",
    "ZaakQuerySet",
    "ZaakVerzoek",
]
