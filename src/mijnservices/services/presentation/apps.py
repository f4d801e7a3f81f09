from django.apps import AppConfig


class PresentationConfig(AppConfig):
    name = "mijnservices.services.presentation"
    label = "presentation"
    verbose_name = "Portal presentation of zaaktypen, branding and help routes"

    def ready(self) -> None:
        # Signals for cache invalidation only (decision 0040): a saved zaaktype, statustype,
        # presentation or branding row is read again on the next request in this process.
        from django.core.signals import setting_changed
        from django.db.models.signals import post_delete, post_save

        from mijnservices.registrations.catalogi.models import StatusType, ZaakType
        from mijnservices.services.presentation import branding, selectors
        from mijnservices.services.presentation.models import (
            Branding,
            StepPresentation,
            ZaaktypePresentation,
        )

        def forget_presentation(**_kwargs: object) -> None:
            selectors.presentation_cache_clear()

        def forget_branding(**_kwargs: object) -> None:
            branding.cache_clear()

        for model in (ZaakType, StatusType, ZaaktypePresentation, StepPresentation):
            name = model.__name__
            for signal, kind in ((post_save, "s"), (post_delete, "d")):
                signal.connect(
                    forget_presentation, sender=model, dispatch_uid=f"presentation-{name}-{kind}"
                )
        for signal, kind in ((post_save, "s"), (post_delete, "d")):
            signal.connect(forget_branding, sender=Branding, dispatch_uid=f"branding-{kind}")
        # The view combines the row with the settings (tests change those).
        setting_changed.connect(forget_branding, dispatch_uid="branding-settings")
