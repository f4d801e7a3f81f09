from django.urls import path

from mijnservices.demo import views

app_name = "demo"
urlpatterns = [
    path("mail/", views.mail_list, name="mail"),
    path("mail/<str:mail_id>/", views.mail_detail, name="mail_detail"),
]
