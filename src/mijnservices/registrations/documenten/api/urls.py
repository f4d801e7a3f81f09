from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.documenten.api import parts, relations, viewsets
from mijnservices.registrations.documenten.api.base import API_VERSION

app_name = "documenten"
PREFIX = "/documenten/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register(
    "enkelvoudiginformatieobjecten",
    viewsets.EnkelvoudigInformatieObjectViewSet,
    basename="enkelvoudiginformatieobject",
)
router.register(
    "objectinformatieobjecten",
    relations.ObjectInformatieObjectViewSet,
    basename="objectinformatieobject",
)
router.register("bestandsdelen", parts.BestandsDeelViewSet, basename="bestandsdeel")
router.register("gebruiksrechten", relations.GebruiksrechtenViewSet, basename="gebruiksrechten")
router.register("verzendingen", relations.VerzendingViewSet, basename="verzending")
router.register(
    r"enkelvoudiginformatieobjecten/(?P<enkelvoudiginformatieobject_uuid>[^/.]+)/audittrail",
    relations.AuditTrailViewSet,
    basename="audittrail",
)

urlpatterns = [
    *schema_urls(urlconf=__name__, title="Documenten API", version=API_VERSION, prefix=PREFIX),
    path("", include(router.urls)),
]
