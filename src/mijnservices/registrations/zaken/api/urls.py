from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.zaken.api import contacts, viewsets, zaakbesluiten

app_name = "zaken"
PREFIX = "/zaken/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("zaken", viewsets.ZaakViewSet, basename="zaak")
router.register("statussen", viewsets.StatusViewSet, basename="status")
router.register("resultaten", viewsets.ResultaatViewSet, basename="resultaat")
router.register("rollen", viewsets.RolViewSet, basename="rol")
router.register("zaakobjecten", viewsets.ZaakObjectViewSet, basename="zaakobject")
router.register(
    "zaakinformatieobjecten",
    viewsets.ZaakInformatieObjectViewSet,
    basename="zaakinformatieobject",
)
router.register("klantcontacten", contacts.KlantContactViewSet, basename="klantcontact")
router.register(
    "zaakcontactmomenten", contacts.ZaakContactMomentViewSet, basename="zaakcontactmoment"
)
router.register("zaakverzoeken", contacts.ZaakVerzoekViewSet, basename="zaakverzoek")
router.register("zaaknotities", contacts.ZaakNotitieViewSet, basename="zaaknotitie")
router.register(
    r"zaken/(?P<zaak_uuid>[^/.]+)/audittrail",
    viewsets.AuditTrailViewSet,
    basename="audittrail",
)
router.register(
    r"zaken/(?P<zaak_uuid>[^/.]+)/zaakeigenschappen",
    viewsets.ZaakEigenschapViewSet,
    basename="zaakeigenschap",
)
router.register(
    r"zaken/(?P<zaak_uuid>[^/.]+)/besluiten",
    zaakbesluiten.ZaakBesluitViewSet,
    basename="zaakbesluit",
)

urlpatterns = [
    *schema_urls(urlconf=__name__, title="Zaken API", version=viewsets.API_VERSION, prefix=PREFIX),
    path(
        "zaaknummer_reserveren",
        contacts.ZaaknummerReserverenView.as_view({"post": "create"}),
        name="zaaknummer-reserveren",
    ),
    path("", include(router.urls)),
]
