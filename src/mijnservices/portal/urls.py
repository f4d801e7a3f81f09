from django.urls import path
from django.views.i18n import set_language

from mijnservices.portal import contact, documents, kto, login, overzicht, profiel, views
from mijnservices.portal.oidc_views import OidcCallbackView, OidcLoginView

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("inloggen/", login.login_page, name="login"),
    path("inloggen/digid/", OidcLoginView.as_view(provider_name="digid"), name="digid_login"),
    path(
        "inloggen/digid/terug/",
        OidcCallbackView.as_view(provider_name="digid"),
        name="digid_callback",
    ),
    path(
        "inloggen/eherkenning/",
        OidcLoginView.as_view(provider_name="eherkenning"),
        name="eherkenning_login",
    ),
    path(
        "inloggen/eherkenning/terug/",
        OidcCallbackView.as_view(provider_name="eherkenning"),
        name="eherkenning_callback",
    ),
    path("uitloggen/", login.logout, name="logout"),
    path("sessie/verlengen/", views.keep_alive, name="keep_alive"),
    path("taal/", set_language, name="set_language"),
    path("mijn-overzicht/", overzicht.overview, name="overview"),
    path("mijn-taken/", overzicht.taken, name="taken"),
    path("mijn-berichten/", overzicht.berichten, name="berichten"),
    path("mijn-berichten/<uuid:bericht_uuid>/", overzicht.bericht, name="bericht"),
    path("mijn-contactmomenten/", contact.contactmomenten, name="contactmomenten"),
    path("mijn-zaken/<uuid:zaak_uuid>/vraag/", contact.question, name="question"),
    path("mijn-zaken/<uuid:zaak_uuid>/tevredenheid/", kto.kto_answer, name="kto"),
    path("mijn-profiel/", profiel.profiel, name="profiel"),
    path("mijn-profiel/voorkeuren/", profiel.preferences, name="profiel_preferences"),
    path(
        "mijn-profiel/contact/<str:kanaal>/toevoegen/",
        profiel.contact_add,
        name="profiel_contact_add",
    ),
    path(
        "mijn-profiel/contact/<uuid:adres_uuid>/code/",
        profiel.contact_code,
        name="profiel_contact_code",
    ),
    path(
        "mijn-profiel/contact/<uuid:adres_uuid>/opnieuw/",
        profiel.contact_resend,
        name="profiel_contact_resend",
    ),
    path(
        "mijn-profiel/contact/<uuid:adres_uuid>/verwijderen/",
        profiel.contact_remove,
        name="profiel_contact_remove",
    ),
    path("mijn-profiel/bevestigen/<str:token>/", profiel.email_verify, name="profiel_email_verify"),
    path("mijn-zaken/", views.zaken_overview, name="zaken"),
    path("mijn-gegevens/inzage/", views.verwerkingen, name="verwerkingen"),
    path("mijn-zaken/<uuid:zaak_uuid>/", views.zaak_detail, name="zaak_detail"),
    path(
        "mijn-zaken/<uuid:zaak_uuid>/documenten/toevoegen/",
        documents.document_add,
        name="document_add",
    ),
    path(
        "mijn-zaken/<uuid:zaak_uuid>/documenten/<uuid:document_uuid>/",
        documents.document_download,
        name="document_download",
    ),
]
