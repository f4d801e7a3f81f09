from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from mijnservices.kcc import (
    audit,
    beheer_views,
    casework,
    handling,
    kpi_views,
    login,
    mto_views,
    oidc,
    referral_views,
    views,
)

app_name = "kcc"

urlpatterns: list[URLPattern | URLResolver] = [
    path("inloggen/", login.login_page, name="login"),
    path("inloggen/organisatie/", oidc.EmployeeOidcLoginView.as_view(), name="oidc_login"),
    path(
        "inloggen/organisatie/terug/", oidc.EmployeeOidcCallbackView.as_view(), name="oidc_callback"
    ),
    path("inloggen/tweestapsverificatie/", login.enrol, name="enrol"),
    path("uitloggen/", login.logout_page, name="logout"),
    path("", views.home, name="home"),
    path("klantbeeld/", views.klantbeeld, name="klantbeeld"),
    path("klantbeeld/contact/", views.contactmoment, name="contactmoment"),
    path("zaak/<uuid:zaak_uuid>/", handling.zaak_page, name="zaak"),
    path("zaak/<uuid:zaak_uuid>/status/", handling.status_next, name="status_next"),
    path("zaak/<uuid:zaak_uuid>/update/", handling.substatus_add, name="substatus_add"),
    path("zaak/<uuid:zaak_uuid>/afsluiten/", handling.close, name="close"),
    path("zaak/<uuid:zaak_uuid>/taak/", casework.taak_add, name="taak_add"),
    path("zaak/<uuid:zaak_uuid>/bericht/", casework.bericht_send, name="bericht_send"),
    path("zaak/<uuid:zaak_uuid>/antwoord/", casework.vraag_answer, name="vraag_answer"),
    path("zaak/<uuid:zaak_uuid>/document/", casework.document_add, name="document_add"),
    path(
        "zaak/<uuid:zaak_uuid>/documenten/<uuid:document_uuid>/",
        handling.document_download,
        name="document_download",
    ),
    path("zaak/<uuid:zaak_uuid>/besluit/", casework.besluit_add, name="besluit_add"),
    path("doorverwezen/", referral_views.referral_list, name="referrals"),
    path(
        "doorverwezen/<uuid:taak_uuid>/afgehandeld/",
        referral_views.referral_done,
        name="referral_done",
    ),
    path("verwerkingen/", audit.audit_page, name="audit"),
    path("kpi/", kpi_views.dashboard, name="kpi"),
    path("tevredenheid/", mto_views.mto_page, name="mto"),
    path("kpi/export.csv", kpi_views.export, name="kpi_export"),
    path("kpi/export.xlsx", kpi_views.export, {"fmt": "xlsx"}, name="kpi_export_xlsx"),
    path("kpi/nulmeting/", kpi_views.baseline, name="kpi_baseline"),
    path("kpi/businesscase/", kpi_views.business_case_page, name="kpi_business_case"),
    path("sessie-verlengen/", views.keep_alive, name="keep_alive"),
    path("beheer/", beheer_views.home, name="beheer"),
    path("beheer/huisstijl/", beheer_views.branding_page, name="beheer_branding"),
    path("beheer/import/", beheer_views.catalogue_import, name="beheer_import"),
    path(
        "beheer/zaaktype/<str:identificatie>/", beheer_views.zaaktype_edit, name="beheer_zaaktype"
    ),
    path(
        "beheer/zaaktype/<str:identificatie>/vrijgeven/",
        beheer_views.zaaktype_release,
        name="beheer_release",
    ),
    path(
        "beheer/zaaktype/<str:identificatie>/kcc/",
        beheer_views.zaaktype_kcc_access,
        name="beheer_kcc_access",
    ),
    path(
        "beheer/zaaktype/<str:identificatie>/voorbeeld/",
        beheer_views.zaaktype_preview,
        name="beheer_preview",
    ),
    path(
        "beheer/zaaktype/<str:identificatie>/geschiedenis/",
        beheer_views.zaaktype_history,
        name="beheer_history",
    ),
    path(
        "beheer/zaaktype/<str:identificatie>/export/",
        beheer_views.zaaktype_export,
        name="beheer_export",
    ),
]
