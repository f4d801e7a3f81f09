from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.klantinteracties.api import viewsets
from mijnservices.registrations.klantinteracties.api import viewsets_contacten as contacten

app_name = "klantinteracties"
PREFIX = "/klantinteracties/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("actoren", contacten.ActorViewSet, basename="actor")
router.register(
    "actorklantcontacten", contacten.ActorKlantcontactViewSet, basename="actorklantcontact"
)
router.register("betrokkenen", contacten.BetrokkeneViewSet, basename="betrokkene")
router.register("bijlagen", contacten.BijlageViewSet, basename="bijlage")
router.register("categorie-relaties", viewsets.CategorieRelatieViewSet, basename="categorierelatie")
router.register("categorieen", viewsets.CategorieViewSet, basename="categorie")
router.register("digitaleadressen", viewsets.DigitaalAdresViewSet, basename="digitaaladres")
router.register("internetaken", contacten.InternetaakViewSet, basename="internetaak")
router.register("klantcontacten", contacten.KlantcontactViewSet, basename="klantcontact")
router.register("onderwerpobjecten", contacten.OnderwerpobjectViewSet, basename="onderwerpobject")
router.register(
    "partij-identificatoren", viewsets.PartijIdentificatorViewSet, basename="partijidentificator"
)
router.register("partijen", viewsets.PartijViewSet, basename="partij")
router.register("rekeningnummers", viewsets.RekeningnummerViewSet, basename="rekeningnummer")
router.register(
    "vertegenwoordigingen", viewsets.VertegenwoordigingViewSet, basename="vertegenwoordiging"
)

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Klantinteracties API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("maak-klantcontact", contacten.MaakKlantcontactView.as_view(), name="maak-klantcontact"),
    path("", include(router.urls)),
]
