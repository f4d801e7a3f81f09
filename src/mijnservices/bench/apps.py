from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks sit outside the product: nothing in the product imports them. An app only so
    that ``mijnservices bench`` is found as a management command."""

    name = "mijnservices.bench"
    label = "bench"
    verbose_name = "Benchmarks"
