from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # Probes and metrics first: they must not depend on anything below (core/urls.py).
    path("", include("mijnservices.core.urls")),
    path("admin/", admin.site.urls),
    path("autorisaties/api/v1/", include("mijnservices.registrations.autorisaties.api.urls")),
    path("catalogi/api/v1/", include("mijnservices.registrations.catalogi.api.urls")),
    path("zaken/api/v1/", include("mijnservices.registrations.zaken.api.urls")),
    path("documenten/api/v1/", include("mijnservices.registrations.documenten.api.urls")),
    path("besluiten/api/v1/", include("mijnservices.registrations.besluiten.api.urls")),
    path("notificaties/api/v1/", include("mijnservices.registrations.notificaties.api.urls")),
    path(
        "klantinteracties/api/v1/",
        include("mijnservices.registrations.klantinteracties.api.urls"),
    ),
    path(
        "contactgegevens/api/v1/",
        include("mijnservices.registrations.contactgegevens.api.urls"),
    ),
    path("taken/api/v1/", include("mijnservices.registrations.taken.api.urls")),
    path("berichten/api/v1/", include("mijnservices.registrations.berichten.api.urls")),
    path("mijn-taken/api/v1/", include("mijnservices.services.mijntaken.api.urls")),
    path(
        "verwerkingenlogging/api/v1/",
        include("mijnservices.registrations.verwerkingen.api.urls"),
    ),
    path("medewerker/", include("mijnservices.kcc.urls")),
    path("betalen/", include("mijnservices.portal.payments_urls")),
    # DEMO ONLY (404 outside DEMO_MODE): /demo/mail/ and the demo login at /inloggen/demo/.
    path("", include("mijnservices.demo.urls")),
    path("notificatieservice/", include("mijnservices.services.notifications.urls")),
    path("", include("mijnservices.portal.urls")),
]
