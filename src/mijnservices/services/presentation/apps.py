from django.apps import AppConfig


class PresentationConfig(AppConfig):
    name = "mijnservices.services.presentation"
    label = "presentation"
    verbose_name = "Portal presentation of zaaktypen, branding and help routes"

    def ready(self) -> None:
        # Signals for cache invalidation only (decisions 0040, 0043): a saved zaaktype,
        # statustype, presentation or branding row moves its generation, so every process
        # reads it again (this one on its next use).
        from django.core.signals import setting_changed

        from mijnservices.core.process_cache import changed_on_write
        from mijnservices.registrations.catalogi.models import StatusType, ZaakType
        from mijnservices.services.presentation import branding, selectors
        from mijnservices.services.presentation.models import (
            Branding,
            StepPresentation,
            ZaaktypePresentation,
        )

        def forget_branding_here(**_kwargs: object) -> None:
            branding.cache_clear()

        changed_on_write(
            selectors.PRESENTATION, ZaakType, StatusType, ZaaktypePresentation, StepPresentation
        )
        changed_on_write("branding", Branding)
        # The view combines the row with the settings (tests change those).
        setting_changed.connect(forget_branding_here, weak=False, dispatch_uid="branding-settings")
