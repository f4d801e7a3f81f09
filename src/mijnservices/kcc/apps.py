from django.apps import AppConfig


class KccConfig(AppConfig):
    name = "mijnservices.kcc"
    label = "kcc"
    verbose_name = "Employee pages (KCC and case handling)"
