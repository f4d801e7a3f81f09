from mijnservices.registrations.catalogi.api.serializers.catalogus import CatalogusSerializer
from mijnservices.registrations.catalogi.api.serializers.informatieobjecttype import (
    InformatieObjectTypeSerializer,
)
from mijnservices.registrations.catalogi.api.serializers.subtypes import (
    ResultaatTypeSerializer,
    RolTypeSerializer,
    StatusTypeSerializer,
)
from mijnservices.registrations.catalogi.api.serializers.zaaktype import ZaakTypeSerializer

__all__ = [
    "CatalogusSerializer",
    "InformatieObjectTypeSerializer",
    "ResultaatTypeSerializer",
    "RolTypeSerializer",
    "StatusTypeSerializer",
    "ZaakTypeSerializer",
]
