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
    "ResultaatSerializer",
    "RolSerializer",
    "StatusSerializer",
    "ZaakEigenschapSerializer",
    "ZaakInformatieObjectSerializer",
    "ZaakObjectSerializer",
    "ZaakSerializer",
]
