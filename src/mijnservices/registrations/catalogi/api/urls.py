from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.catalogi.api import viewsets

app_name = "catalogi"
PREFIX = "/catalogi/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("catalogussen", viewsets.CatalogusViewSet, basename="catalogus")
router.register("zaaktypen", viewsets.ZaakTypeViewSet, basename="zaaktype")
router.register("statustypen", viewsets.StatusTypeViewSet, basename="statustype")
router.register("resultaattypen", viewsets.ResultaatTypeViewSet, basename="resultaattype")
router.register("roltypen", viewsets.RolTypeViewSet, basename="roltype")
router.register(
    "informatieobjecttypen", viewsets.InformatieObjectTypeViewSet, basename="informatieobjecttype"
)
router.register("eigenschappen", viewsets.EigenschapViewSet, basename="eigenschap")
router.register("zaakobjecttypen", viewsets.ZaakObjectTypeViewSet, basename="zaakobjecttype")
router.register(
    "zaaktype-informatieobjecttypen",
    viewsets.ZaakTypeInformatieObjectTypeViewSet,
    basename="zaaktypeinformatieobjecttype",
)
router.register("besluittypen", viewsets.BesluitTypeViewSet, basename="besluittype")

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Catalogi API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("", include(router.urls)),
]
