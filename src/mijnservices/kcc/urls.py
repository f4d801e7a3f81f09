from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from mijnservices.kcc import handling, login, views

app_name = "kcc"

urlpatterns: list[URLPattern | URLResolver] = [
    path("inloggen/", login.login_page, name="login"),
    path("inloggen/tweestapsverificatie/", login.enrol, name="enrol"),
    path("uitloggen/", login.logout_page, name="logout"),
    path("", views.home, name="home"),
    path("klantbeeld/", views.klantbeeld, name="klantbeeld"),
    path("klantbeeld/contact/", views.contactmoment, name="contactmoment"),
    path("zaak/<uuid:zaak_uuid>/", handling.zaak_page, name="zaak"),
    path("zaak/<uuid:zaak_uuid>/status/", handling.status_next, name="status_next"),
    path("zaak/<uuid:zaak_uuid>/update/", handling.substatus_add, name="substatus_add"),
    path("zaak/<uuid:zaak_uuid>/afsluiten/", handling.close, name="close"),
    path("sessie-verlengen/", views.keep_alive, name="keep_alive"),
]
