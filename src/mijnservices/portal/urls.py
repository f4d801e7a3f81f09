from django.urls import path
from django.views.i18n import set_language

from mijnservices.portal import login, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", login.login_page, name="login"),
    path("inloggen/demo/", login.demo_login, name="demo_login"),
    path("uitloggen/", login.logout, name="logout"),
    path("taal/", set_language, name="set_language"),
    path("mijn-zaken/", views.zaken_overview, name="zaken"),
    path("mijn-zaken/<uuid:zaak_uuid>/", views.zaak_detail, name="zaak_detail"),
]
