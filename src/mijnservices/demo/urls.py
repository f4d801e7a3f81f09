"""DEMO ONLY pages, mounted at the site root: every view answers 404 outside DEMO_MODE."""

from django.urls import path

from mijnservices.demo import login, views

app_name = "demo"
urlpatterns = [
    path("demo/mail/", views.mail_list, name="mail"),
    path("demo/mail/<str:mail_id>/", views.mail_detail, name="mail_detail"),
    # Posted from the demo section of the portal's login page (/inloggen/).
    path("inloggen/demo/", login.demo_login, name="login"),
]
