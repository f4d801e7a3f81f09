from mijnservices.registrations.catalogi.api.serializers.besluittype import BesluitTypeSerializer
from mijnservices.registrations.catalogi.api.serializers.catalogus import CatalogusSerializer
from mijnservices.registrations.catalogi.api.serializers.eigenschap import EigenschapSerializer
from mijnservices.registrations.catalogi.api.serializers.informatieobjecttype import (
    InformatieObjectTypeSerializer,
)
from mijnservices.registrations.catalogi.api.serializers.subtypes import (
    ResultaatTypeSerializer,
    RolTypeSerializer,
    StatusTypeSerializer,
)
from mijnservices.registrations.catalogi.api.serializers.zaaktype import ZaakTypeSerializer
from mijnservices.registrations.catalogi.api.serializers.zaaktype_relations import (
    ZaakObjectTypeSerializer,
    ZaakTypeInformatieObjectTypeSerializer,
)

__all__ = [
    "BesluitTypeSerializer",
    "CatalogusSerializer",
    "EigenschapSerializer",
    "InformatieObjectTypeSerializer",
    "ResultaatTypeSerializer",
    "RolTypeSerializer",
    "StatusTypeSerializer",
    "ZaakObjectTypeSerializer",
    "ZaakTypeInformatieObjectTypeSerializer",
    "ZaakTypeSerializer",
]
