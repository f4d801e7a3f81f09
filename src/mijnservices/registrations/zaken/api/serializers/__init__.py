from mijnservices.registrations.zaken.api.serializers.contacts import (
    KlantContactSerializer,
    ReserveZaakIdentificatieSerializer,
    ZaakContactMomentSerializer,
    ZaakNotitieSerializer,
    ZaakVerzoekSerializer,
)
from mijnservices.registrations.zaken.api.serializers.related import (
    AuditTrailSerializer,
    ResultaatSerializer,
    RolSerializer,
    StatusSerializer,
    ZaakEigenschapSerializer,
    ZaakInformatieObjectSerializer,
    ZaakObjectSerializer,
)
from mijnservices.registrations.zaken.api.serializers.zaak import ZaakSerializer

__all__ = [
    "AuditTrailSerializer",
    "KlantContactSerializer",
    "ReserveZaakIdentificatieSerializer",
    "ResultaatSerializer",
    "RolSerializer",
    "StatusSerializer",
    "ZaakContactMomentSerializer",
    "ZaakEigenschapSerializer",
    "ZaakInformatieObjectSerializer",
    "ZaakNotitieSerializer",
    "ZaakObjectSerializer",
    "ZaakSerializer",
    "ZaakVerzoekSerializer",
]
