from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mijnservices.demo"
    label = "demo"
    verbose_name = "Demo data"

    def ready(self) -> None:
        # The product never imports demo: the demo hands in its stand-ins here. They refuse
        # to work outside DEMO_MODE, and the product only asks for them in DEMO_MODE.
        from mijnservices.demo.brp import DemoBrp
        from mijnservices.integration.brp.client import register_demo_brp

        register_demo_brp(DemoBrp)
